package com.audiostems.dsp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualityCheckerTest {
  static float[][] music;
  static final int SR = 44_100;

  @BeforeAll
  static void render() {
    music =
        MusicSynth.render(
                PieceSpec.builder().durationSeconds(8).leadInSeconds(1.2).seed(42).build())
            .channels();
  }

  @Test
  void streamingInOddBlocksGivesTheSameReportAsOneBlock() {
    float[][] x = Defects.quantise(Defects.clip(Defects.pad(music, SR, 3 * SR), 4), 16);
    QualityReport whole = QualityChecker.check(x, SR, 16, null);
    QualityChecker checker = new QualityChecker(SR, 2);
    SplittableRandom rnd = new SplittableRandom(1);
    int pos = 0;
    while (pos < x[0].length) {
      int n = Math.min(x[0].length - pos, 1 + rnd.nextInt(5000));
      float[][] block = new float[2][n];
      System.arraycopy(x[0], pos, block[0], 0, n);
      System.arraycopy(x[1], pos, block[1], 0, n);
      checker.accept(block, n);
      pos += n;
    }
    QualityReport streamed = checker.finish(LoudnessMeter.measure(x, SR), 16, SR);
    assertThat(streamed.findings()).isEqualTo(whole.findings());
    assertThat(streamed.score()).isEqualTo(whole.score());
    assertThat(whole.has(ClippingCheck.CODE, Severity.WARNING)).isTrue();
    assertThat(whole.has(SilenceCheck.LEADING_CODE, Severity.WARNING)).isTrue();
    assertThat(whole.has(SilenceCheck.TRAILING_CODE, Severity.WARNING)).isTrue();
    Finding leading = whole.findings(SilenceCheck.LEADING_CODE).getFirst();
    assertThat(leading.endSeconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void effectiveBitDepthIsTheFinestStepUsed() {
    assertThat(QualityChecker.check(Defects.quantise(music, 24), SR, 24, null).effectiveBitDepth())
        .isEqualTo(24);
    assertThat(QualityChecker.check(Defects.quantise(music, 16), SR, 24, null).effectiveBitDepth())
        .isEqualTo(16);
    assertThat(QualityChecker.check(Defects.quantise(music, 12), SR, 16, null).effectiveBitDepth())
        .isEqualTo(12);
    assertThat(QualityChecker.check(music, SR, 32, null).effectiveBitDepth())
        .isEqualTo(BitDepthCheck.FLOAT_BITS);
    float[][] odd = Defects.quantise(music, 16);
    odd[0][12_345] += (float) Math.scalb(1.0, -20); // a few odd samples do not undo the verdict
    odd[1][99_999] += (float) Math.scalb(1.0, -23);
    QualityReport r = QualityChecker.check(odd, SR, 24, null);
    assertThat(r.effectiveBitDepth()).isEqualTo(16);
    assertThat(r.has(BitDepthCheck.CODE, Severity.WARNING)).isTrue();
  }

  /**
   * The tiers are the specification's on the effective properties (issue 15): 24-bit at 48 kHz is
   * STANDARD (HIGH needs 96 kHz), 24-bit at 96 kHz HIGH, and 16-bit at 44.1 kHz STANDARD.
   */
  @Test
  void tiersAreTheSpecificationsOnTheEffectiveProperties() {
    float[][] m48 = render(48_000);
    QualityReport clean48 = QualityChecker.check(Defects.quantise(m48, 24), 48_000, 24, null);
    assertThat(clean48.atLeast(Severity.WARNING)).isEmpty();
    assertThat(clean48.highestTier()).contains(Tier.STANDARD);
    assertThat(clean48.tier(Tier.HIGH).reasons()).anyMatch(s -> s.contains("96 kHz"));
    assertThat(clean48.score()).isGreaterThanOrEqualTo(95);
    QualityReport hi = QualityChecker.check(Defects.quantise(render(96_000), 24), 96_000, 24, null);
    assertThat(hi.highestTier()).as(hi.tiers().toString()).contains(Tier.HIGH);
    QualityReport cd = QualityChecker.check(Defects.quantise(music, 16), SR, 16, null);
    assertThat(cd.highestTier()).contains(Tier.STANDARD);
    assertThat(cd.tier(Tier.PROFESSIONAL).reasons()).anyMatch(s -> s.contains("16-bit"));
    QualityReport lossy320 =
        QualityChecker.check(
            music, SR, 32, null, new Tier.Properties(false, false, SR, 0, 320_000));
    assertThat(lossy320.highestTier()).contains(Tier.STANDARD);
    QualityReport lossy128 =
        QualityChecker.check(
            music, SR, 32, null, new Tier.Properties(false, false, SR, 0, 128_000));
    assertThat(lossy128.highestTier()).contains(Tier.MINIMUM);
    QualityReport padded = QualityChecker.check(Defects.quantise(m48, 16), 48_000, 24, null);
    assertThat(padded.highestTier()).contains(Tier.STANDARD);
    assertThat(padded.tier(Tier.HIGH).reasons()).anyMatch(s -> s.contains("16-bit"));
  }

  private static float[][] render(int rate) {
    return MusicSynth.render(
            PieceSpec.builder()
                .durationSeconds(8)
                .leadInSeconds(1.2)
                .sampleRateHz(rate)
                .seed(42)
                .build())
        .channels();
  }

  @Test
  void scoreFollowsTheDocumentedFormula() {
    Finding e = new Finding("a", Severity.ERROR, 0, 0, "", 0, 1, "");
    Finding w = new Finding("b", Severity.WARNING, 0, 0, "", 0, 1, "");
    Finding i = new Finding("c", Severity.INFO, 0, 0, "", 0, 1, "");
    assertThat(QualityScore.of(List.of())).isEqualTo(100);
    assertThat(QualityScore.of(List.of(e, w, i))).isEqualTo(59);
    assertThat(QualityScore.of(List.of(e, e, e))).isEqualTo(60); // capped at 40 per code
    assertThat(
            QualityScore.of(
                List.of(e, e, w, w, w, w, w, new Finding("d", Severity.ERROR, 0, 0, "", 0, 1, ""))))
        .isEqualTo(0);
  }

  @Test
  void stereoChecksOnMonoInputStayQuiet() {
    QualityReport r = QualityChecker.check(Defects.quantise(Defects.mono(music), 16), SR, 16, null);
    assertThat(r.channelsAreMono()).isFalse();
    assertThat(r.atLeast(Severity.WARNING)).isEmpty();
  }

  /**
   * An MP3 decoded to float (as a lossy file re-saved as 24/32-bit would be) leaves exact zeros and
   * rounding crumbs above its low-pass, not a noise floor: the cut-off must still be found. Found
   * on a real MP3-to-FLAC transcode that the suite's 16-bit decodes (with their quantisation floor)
   * did not cover.
   */
  @Test
  void aLossyDecodeWithADigitallySilentStopBandIsStillATranscode(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    float[][] decoded =
        Defects.ffmpeg(
            music,
            SR,
            tmp,
            "mp3f",
            List.of("-c:a", "libmp3lame", "-b:a", "128k", ".mp3"),
            List.of(),
            true);

    QualityReport report = QualityChecker.check(decoded, SR, 32, null);

    assertThat(report.has(LossyTranscodeCheck.CODE, Severity.WARNING))
        .as(report.measurements().toString())
        .isTrue();
    assertThat(report.effectiveBandwidthHz()).isBetween(15_000.0, 20_000.0);
  }
}
