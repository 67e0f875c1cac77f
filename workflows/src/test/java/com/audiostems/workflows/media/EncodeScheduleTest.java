package com.audiostems.workflows.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodeScheduleTest {
  private static final SourceProbe SOURCE =
      new SourceProbe("wav", "pcm_s24le", 0, 96_000, 24, "s32", 2, "", 300, 0, 0, true, false);
  private static final List<OutputSpec> ALL =
      OutputPlanner.plan("t1", SOURCE, EnumSet.allOf(OutputFormat.class)).outputs();

  @Test
  void everyOutputLandsInExactlyOneLane() {
    for (int lanes = 1; lanes <= 9; lanes++) {
      List<List<OutputSpec>> split = EncodeSchedule.lanes(ALL, lanes);
      assertThat(split).hasSize(Math.min(lanes, ALL.size()));
      assertThat(split.stream().flatMap(List::stream).toList())
          .containsExactlyInAnyOrderElementsOf(ALL);
    }
  }

  @Test
  void twoLanesAreBalancedWithinTheLargestSingleCost() {
    List<List<OutputSpec>> split = EncodeSchedule.lanes(ALL, 2);
    double a = split.get(0).stream().mapToDouble(EncodeSchedule::cost).sum();
    double b = split.get(1).stream().mapToDouble(EncodeSchedule::cost).sum();
    double largest = ALL.stream().mapToDouble(EncodeSchedule::cost).max().orElseThrow();
    assertThat(Math.abs(a - b)).isLessThanOrEqualTo(largest);
  }

  @Test
  void losslessCostGrowsWithTheSampleRate() {
    OutputSpec flac96 = new OutputSpec(OutputFormat.FLAC, "k", 96_000, 24, 2, 0);
    OutputSpec flac48 = new OutputSpec(OutputFormat.FLAC, "k", 48_000, 24, 2, 0);
    assertThat(EncodeSchedule.cost(flac96)).isEqualTo(2 * EncodeSchedule.cost(flac48));
  }

  @Test
  void thePreviewsLadderWeighsOnItsLaneSoTheOtherLaneTakesMore() {
    double ladder = HlsLadderPlan.RELATIVE_COST;
    List<List<OutputSpec>> split = EncodeSchedule.lanes(ALL, 2, ladder);
    List<OutputSpec> previewLane =
        split.stream()
            .filter(l -> l.stream().anyMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128))
            .findFirst()
            .orElseThrow();
    List<OutputSpec> otherLane = split.get(split.get(0) == previewLane ? 1 : 0);
    double preview = previewLane.stream().mapToDouble(EncodeSchedule::cost).sum() + ladder;
    double other = otherLane.stream().mapToDouble(EncodeSchedule::cost).sum();
    double largest = ALL.stream().mapToDouble(EncodeSchedule::cost).max().orElseThrow() + ladder;
    assertThat(Math.abs(preview - other)).isLessThanOrEqualTo(largest);
    assertThat(previewLane.size())
        .as("fewer outputs beside the ladder than without it")
        .isLessThan(
            EncodeSchedule.lanes(ALL, 2).stream()
                .filter(l -> l.stream().anyMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128))
                .findFirst()
                .orElseThrow()
                .size());
  }
}
