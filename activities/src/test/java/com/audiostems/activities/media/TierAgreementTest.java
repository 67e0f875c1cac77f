package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.quality.QualityChecker;
import com.audiostems.dsp.quality.QualityReport;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: the manifest called a 24-bit/44.1 kHz source STANDARD while its quality report said it
 * passed HIGH. The manifest's tier (validation, on the header) and the report's (the checks, on the
 * effective properties) are one definition, so for a clean source whose samples bear its header out
 * they agree.
 */
class TierAgreementTest {

  @ParameterizedTest(name = "{0}-bit at {1} Hz, lossless={2}, {3} bps: {4}")
  @CsvSource({
    "24, 44100, true, 0, STANDARD",
    "16, 44100, true, 0, STANDARD",
    "24, 48000, true, 0, STANDARD",
    "24, 96000, true, 0, HIGH",
    "24, 192000, true, 0, PROFESSIONAL",
    "0, 44100, false, 128000, MINIMUM",
    "0, 44100, false, 320000, STANDARD",
  })
  void theManifestsTierIsTheReportsVerdict(
      int bits, int rate, boolean lossless, long bitRate, QualityTier expected) {
    SourceProbe probe =
        new SourceProbe(
            "test",
            lossless ? "flac" : "mp3",
            0,
            rate,
            bits,
            "s32",
            2,
            "stereo",
            8.0,
            lossless ? (long) bits * rate * 2 : bitRate,
            1_000_000,
            lossless,
            false);
    float[][] samples =
        MusicSynth.render(
                PieceSpec.builder()
                    .durationSeconds(8)
                    .leadInSeconds(1.2)
                    .sampleRateHz(rate)
                    .seed(42)
                    .build())
            .channels();
    if (lossless) {
      samples = quantise(samples, bits);
    }

    Optional<QualityTier> manifest = QualityTiers.classify(probe);
    QualityReport report =
        QualityChecker.check(
            samples, rate, lossless ? bits : 32, null, QualityTiers.nominal(probe));

    assertThat(manifest).contains(expected);
    assertThat(report.highestTier().map(QualityTiers::contract))
        .as(report.tiers().toString())
        .isEqualTo(manifest);
  }

  private static float[][] quantise(float[][] x, int bits) {
    double scale = Math.scalb(1.0, bits - 1);
    float[][] out = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      out[c] = new float[x[c].length];
      for (int i = 0; i < x[c].length; i++) {
        out[c][i] = (float) (Math.rint(x[c][i] * scale) / scale);
      }
    }
    return out;
  }
}
