package com.audiostems.dsp.structure;

import static com.audiostems.dsp.structure.TestMusic.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Stft;
import com.audiostems.dsp.spectral.SpectralAnalyzer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnergyCurveTest {

  private static final double FRAME_RATE = 22_050 / 512.0;

  private static double[] flux(int seconds, double db) {
    double[] f = new double[(int) Math.ceil(seconds * FRAME_RATE)];
    Arrays.fill(f, db);
    return f;
  }

  @Test
  void theFormulaEndpoints() {
    double[] lufs = {-40, -23, -6, -3, Double.NEGATIVE_INFINITY, Double.NaN};
    EnergyCurve still = EnergyCurve.compute(lufs, flux(6, 0), FRAME_RATE);
    EnergyCurve busy =
        EnergyCurve.compute(lufs, flux(6, EnergyCurve.FULL_ACTIVITY_FLUX_DB), FRAME_RATE);
    // −40 LUFS → 0; −23 LUFS (broadcast target) → 17/34 = 0.5 of the loudness term; −6 and
    // above → 1; silence → 0. Activity 0 keeps 0.6 of it, full activity all of it.
    assertThat(still.energyPerSecond())
        .containsExactly(new double[] {0, 0.3, 0.6, 0.6, 0, 0}, within(1e-9));
    assertThat(busy.energyPerSecond())
        .containsExactly(new double[] {0, 0.5, 1, 1, 0, 0}, within(1e-9));
    assertThat(busy.activityPerSecond()).containsOnly(1.0);
    assertThat(busy.shortTermLoudnessPerSecondLufs()).isEqualTo(lufs);
  }

  @Test
  void trackEnergyIgnoresSilentSeconds() {
    double[] lufs = {Double.NEGATIVE_INFINITY, -80, -6, -6, -80};
    EnergyCurve e =
        EnergyCurve.compute(lufs, flux(5, EnergyCurve.FULL_ACTIVITY_FLUX_DB), FRAME_RATE);
    assertThat(e.trackEnergy()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aLoudPadIsLessEnergeticThanEquallyLoudDrums() {
    float[] pad = TestMusic.pad(20, 0.3);
    float[] drums = TestMusic.drumsAndBass(20, 120, 5);
    double[] sameLoudness = new double[20];
    Arrays.fill(sameLoudness, -6); // loudness term 1: only activity differs
    double padFlux =
        mean(SpectralAnalyzer.frames(Stft.magnitudes(pad, RATE_HZ, 2048, 512), pad).fluxDb());
    EnergyCurve padEnergy =
        EnergyCurve.compute(
            sameLoudness,
            SpectralAnalyzer.frames(Stft.magnitudes(pad, RATE_HZ, 2048, 512), pad).fluxDb(),
            FRAME_RATE);
    EnergyCurve drumEnergy =
        EnergyCurve.compute(
            sameLoudness,
            SpectralAnalyzer.frames(Stft.magnitudes(drums, RATE_HZ, 2048, 512), drums).fluxDb(),
            FRAME_RATE);
    assertThat(padFlux).isLessThan(0.5);
    assertThat(padEnergy.trackEnergy()).isLessThan(0.7);
    assertThat(drumEnergy.trackEnergy()).isGreaterThan(0.95);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(0);
  }
}
