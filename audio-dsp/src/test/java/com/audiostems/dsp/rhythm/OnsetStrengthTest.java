package com.audiostems.dsp.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.MonoSignal;
import org.junit.jupiter.api.Test;

class OnsetStrengthTest {

  @Test
  void theEnvelopePeaksAtEachClickAndIsQuietBetween() {
    double[] clicks = {0.5, 1.0, 1.5, 2.0, 2.5};
    MonoSignal x = RhythmSignals.clicks(clicks, 3.0, 4, 1);
    OnsetEnvelope e = OnsetStrength.analyze(x).broadband();
    assertThat(e.frameRateHz()).isCloseTo(11_025 / 128.0, within(1e-9));
    float[] s = e.strength();
    for (double t : clicks) {
      int at = e.frameAt(t);
      double peak = LevelEvidence.accent(s, at, 2);
      double between = LevelEvidence.accent(s, e.frameAt(t + 0.25), 5);
      assertThat(peak).isGreaterThan(10 * between);
    }
  }

  @Test
  void theEnvelopeDoesNotDependOnLevel() {
    double[] clicks = {0.5, 1.0, 1.5};
    MonoSignal loud = RhythmSignals.clicks(clicks, 2.0, 4, 1);
    float[] quiet = loud.samples().clone();
    for (int i = 0; i < quiet.length; i++) {
      quiet[i] *= 0.01f;
    }
    float[] a = OnsetStrength.analyze(loud).broadband().strength();
    float[] b =
        OnsetStrength.analyze(new MonoSignal(quiet, loud.sampleRateHz())).broadband().strength();
    for (int i = 0; i < a.length; i++) {
      assertThat((double) b[i]).isCloseTo(a[i], within(1e-3 + 1e-3 * a[i]));
    }
  }
}
