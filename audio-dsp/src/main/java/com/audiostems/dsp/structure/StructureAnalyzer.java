package com.audiostems.dsp.structure;

import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.spectral.MelFlux;
import com.audiostems.dsp.spectral.Mfcc;
import com.audiostems.dsp.spectral.SpectralFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy curve and sections of a track from the shared spectrogram and the loudness meter's
 * short-term loudness per second.
 *
 * <p>Sections: per frame [level, MFCC 1–12] (dB, see {@link FrameFeatures}) → averaged over 0.5 s
 * blocks, or between beats when beat times are given → Foote novelty with a {@value
 * #KERNEL_HALF_SECONDS} s-per-side checkerboard kernel → peaks above {@value #MIN_NOVELTY_DB} dB
 * that stand {@value #LOCAL_MARGIN_DB} dB above their ±{@value #KERNEL_HALF_SECONDS} s
 * surroundings, at least {@value #MIN_SECTION_SECONDS} s apart (and {@value
 * #MIN_EDGE_SECTION_SECONDS} s from the start and the end) → sections labelled by similarity
 * ({@link SectionLabeler}) and given heuristic roles ({@link SectionRoles}).
 */
public final class StructureAnalyzer {

  static final double BLOCK_SECONDS = 0.5;

  /** Beat-synchronous blocks are merged beats lasting at least this long. */
  static final double MIN_BEAT_BLOCK_SECONDS = 0.4;

  static final double KERNEL_HALF_SECONDS = 6;
  static final double MIN_NOVELTY_DB = 4;
  static final double LOCAL_MARGIN_DB = 1.5;
  static final double MIN_SECTION_SECONDS = 8;

  /**
   * Intros and outros are often four bars: 6–8 s at 120–160 BPM, under the 8 s that keeps interior
   * sections from splitting into phrases.
   */
  static final double MIN_EDGE_SECTION_SECONDS = 6;

  private StructureAnalyzer() {}

  /** Sections on a fixed 0.5 s grid. */
  public static StructureAnalysis analyze(
      Spectrogram spectrogram, double[] shortTermLoudnessPerSecondLufs) {
    return analyze(spectrogram, shortTermLoudnessPerSecondLufs, null);
  }

  /**
   * @param beatTimesSeconds beat times, ascending, or null for the fixed 0.5 s grid
   */
  public static StructureAnalysis analyze(
      Spectrogram spectrogram, double[] shortTermLoudnessPerSecondLufs, double[] beatTimesSeconds) {
    Mfcc mfcc = Mfcc.defaults(spectrogram.binCount(), spectrogram.binWidthHz());
    int frames = spectrogram.frameCount();
    double[][] cepstrum = new double[frames][mfcc.coefficientCount()];
    float[][] logMel = new float[frames][mfcc.bandCount()];
    double[] scratch = new double[mfcc.bandCount()];
    for (int f = 0; f < frames; f++) {
      mfcc.compute(spectrogram.magnitudes()[f], scratch, cepstrum[f]);
      for (int b = 0; b < scratch.length; b++) {
        logMel[f][b] = (float) scratch[b];
      }
    }
    return analyze(
        cepstrum,
        mfcc.bandCount(),
        MelFlux.positiveDb(logMel),
        spectrogram.frameRateHz(),
        shortTermLoudnessPerSecondLufs,
        beatTimesSeconds);
  }

  /**
   * The same from features already computed by {@code SpectralAnalyzer.frames} (no second sweep).
   */
  public static StructureAnalysis analyze(
      SpectralFrames frames, double[] shortTermLoudnessPerSecondLufs, double[] beatTimesSeconds) {
    int melBands = frames.frameCount() > 0 ? frames.logMelDb()[0].length : Mfcc.DEFAULT_MEL_BANDS;
    return analyze(
        frames.mfcc(),
        melBands,
        frames.fluxDb(),
        frames.frameRateHz(),
        shortTermLoudnessPerSecondLufs,
        beatTimesSeconds);
  }

  private static StructureAnalysis analyze(
      double[][] mfcc,
      int melBands,
      double[] fluxDb,
      double frameRateHz,
      double[] loudnessLufs,
      double[] beatTimesSeconds) {
    EnergyCurve energy = EnergyCurve.compute(loudnessLufs, fluxDb, frameRateHz);
    double trackSeconds = mfcc.length / frameRateHz;
    double[][] frameFeatures = FrameFeatures.fromMfcc(mfcc, melBands);
    FeatureBlocks blocks =
        beatTimesSeconds != null && beatTimesSeconds.length >= 2
            ? FeatureBlocks.beatSynchronous(
                frameFeatures, frameRateHz, beatTimesSeconds, MIN_BEAT_BLOCK_SECONDS)
            : FeatureBlocks.fixed(frameFeatures, frameRateHz, BLOCK_SECONDS);
    double blockSeconds = blocks.size() > 0 ? trackSeconds / blocks.size() : BLOCK_SECONDS;
    int halfWidth = Math.max(2, (int) Math.round(KERNEL_HALF_SECONDS / blockSeconds));
    double[] novelty = FooteNovelty.curve(blocks.features(), halfWidth);
    List<Double> boundaries =
        NoveltyPeaks.pick(
            novelty,
            blocks.startSeconds(),
            trackSeconds,
            MIN_NOVELTY_DB,
            LOCAL_MARGIN_DB,
            halfWidth,
            MIN_SECTION_SECONDS,
            MIN_EDGE_SECTION_SECONDS);
    return new StructureAnalysis(
        energy, sections(blocks, boundaries, trackSeconds, energy), novelty, blocks.startSeconds());
  }

  private static List<Section> sections(
      FeatureBlocks blocks, List<Double> boundaries, double trackSeconds, EnergyCurve energy) {
    List<Section> out = new ArrayList<>();
    if (blocks.size() == 0) {
      return out;
    }
    int count = boundaries.size() + 1;
    double[] start = new double[count];
    double[] end = new double[count];
    for (int s = 0; s < count; s++) {
      start[s] = s == 0 ? 0 : boundaries.get(s - 1);
      end[s] = s == count - 1 ? trackSeconds : boundaries.get(s);
    }
    int dims = blocks.features()[0].length;
    double[][] means = new double[count][dims];
    int[] sizes = new int[count];
    for (int b = 0; b < blocks.size(); b++) {
      int s = sectionOf(blocks.startSeconds()[b], start);
      sizes[s]++;
      for (int d = 0; d < dims; d++) {
        means[s][d] += blocks.features()[b][d];
      }
    }
    double[] meanEnergy = new double[count];
    double maxEnergy = 0;
    for (int s = 0; s < count; s++) {
      for (int d = 0; d < dims; d++) {
        means[s][d] /= Math.max(1, sizes[s]);
      }
      meanEnergy[s] = energy.meanEnergy(start[s], end[s]);
      maxEnergy = Math.max(maxEnergy, meanEnergy[s]);
    }
    double[] relative = new double[count];
    for (int s = 0; s < count; s++) {
      relative[s] = maxEnergy > 0 ? meanEnergy[s] / maxEnergy : 0;
    }
    List<String> labels = SectionLabeler.labels(means);
    List<SectionRole> roles = SectionRoles.roles(labels, relative);
    for (int s = 0; s < count; s++) {
      out.add(new Section(start[s], end[s], relative[s], labels.get(s), roles.get(s)));
    }
    return out;
  }

  private static int sectionOf(double t, double[] sectionStarts) {
    int s = 0;
    while (s + 1 < sectionStarts.length && t >= sectionStarts[s + 1] - 1e-9) {
      s++;
    }
    return s;
  }
}
