package com.audiostems.dsp.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TempoCurveTest {

  @Test
  void aSteadyBeatIsFlatEvenWithAMissedBeat() {
    double[] beats = RhythmSignals.beatTimes(90, 90, 40, 0.3);
    double[] missing = new double[beats.length - 1];
    for (int i = 0, j = 0; i < beats.length; i++) {
      if (i != 20) {
        missing[j++] = beats[i];
      }
    }
    TempoCurve c = TempoCurve.fromBeats(missing);
    assertThat(c.variable()).isFalse();
    assertThat(c.medianBpm()).isCloseTo(90, within(0.5));
    for (double bpm : c.bpm()) {
      assertThat(bpm).isCloseTo(90, within(1.0));
    }
    assertThat(c.timesSeconds()[1] - c.timesSeconds()[0])
        .isCloseTo(TempoCurve.STEP_SECONDS, within(1e-9));
  }

  @Test
  void aRampIsVariable() {
    TempoCurve c = TempoCurve.fromBeats(RhythmSignals.beatTimes(80, 100, 60, 0.3));
    assertThat(c.variable()).isTrue();
    assertThat(c.variationPercent()).isGreaterThan(10);
  }

  @Test
  void tooFewBeatsGiveAnEmptyCurve() {
    assertThat(TempoCurve.fromBeats(new double[] {1, 2}).bpm()).isEmpty();
  }
}
