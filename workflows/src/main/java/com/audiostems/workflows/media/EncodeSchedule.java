package com.audiostems.workflows.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the outputs into lanes, one ffmpeg process each, so that the lanes' costs are as even as
 * possible (longest-processing-time first). One process decodes once and feeds its encoders in
 * turn, so it keeps one core busy; lanes on separate cores run side by side. See docs/benchmarks.md
 * for the measurement that chose this over a single process.
 */
public final class EncodeSchedule {
  private EncodeSchedule() {}

  public static List<List<OutputSpec>> lanes(List<OutputSpec> outputs, int maxLanes) {
    return lanes(outputs, maxLanes, 0);
  }

  /**
   * The same, when the preview's lane also makes its HLS ladder: {@code previewExtraCost} is added
   * to the preview's own cost ({@link HlsLadderPlan#RELATIVE_COST}).
   */
  public static List<List<OutputSpec>> lanes(
      List<OutputSpec> outputs, int maxLanes, double previewExtraCost) {
    int laneCount = Math.max(1, Math.min(maxLanes, outputs.size()));
    List<List<OutputSpec>> lanes = new ArrayList<>();
    double[] load = new double[laneCount];
    for (int i = 0; i < laneCount; i++) {
      lanes.add(new ArrayList<>());
    }
    List<OutputSpec> byCost = new ArrayList<>(outputs);
    java.util.function.ToDoubleFunction<OutputSpec> costWithLadder =
        o -> cost(o) + (o.format() == OutputFormat.PREVIEW_MP3_128 ? previewExtraCost : 0);
    byCost.sort(
        Comparator.comparingDouble(costWithLadder)
            .reversed()
            .thenComparing(o -> o.format().ordinal()));
    for (OutputSpec output : byCost) {
      int lightest = 0;
      for (int i = 1; i < laneCount; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      lanes.get(lightest).add(output);
      load[lightest] += costWithLadder.applyAsDouble(output);
    }
    lanes.removeIf(List::isEmpty);
    return lanes.stream().map(List::copyOf).toList();
  }

  /** Relative cost of one output: lossless work grows with the sample rate, lossy work does not. */
  static double cost(OutputSpec output) {
    double rateFactor = output.format().lossless() ? output.sampleRateHz() / 44_100.0 : 1.0;
    return output.format().relativeCost() * rateFactor;
  }
}
