package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Validation's tier: {@link com.audiostems.dsp.quality.Tier}'s thresholds (the one definition, its
 * table in {@code TierTest}) on the header's properties, at and just below each boundary.
 */
class QualityTiersTest {

  @Test
  void losslessTiersFollowBitDepthAndRate() {
    assertThat(tierOf(lossless("pcm_s16le", 16, 44_100))).contains(QualityTier.STANDARD);
    assertThat(tierOf(lossless("pcm_s24le", 24, 44_100)))
        .as("24-bit at 44.1 kHz is not HIGH, which needs 96 kHz")
        .contains(QualityTier.STANDARD);
    assertThat(tierOf(lossless("pcm_s24le", 24, 48_000))).contains(QualityTier.STANDARD);
    assertThat(tierOf(lossless("flac", 16, 96_000)))
        .as("16-bit is never HIGH")
        .contains(QualityTier.STANDARD);
    assertThat(tierOf(lossless("flac", 24, 88_200))).contains(QualityTier.HIGH);
    assertThat(tierOf(lossless("alac", 24, 96_000))).contains(QualityTier.HIGH);
    assertThat(tierOf(lossless("pcm_s24le", 24, 176_400))).contains(QualityTier.PROFESSIONAL);
    assertThat(tierOf(lossless("pcm_s24le", 24, 192_000))).contains(QualityTier.PROFESSIONAL);
  }

  @Test
  void floatCountsAsTwentyFourBit() {
    assertThat(tierOf(lossless("pcm_f32le", 32, 96_000))).contains(QualityTier.HIGH);
    assertThat(tierOf(lossless("pcm_f32le", 32, 192_000))).contains(QualityTier.PROFESSIONAL);
  }

  @Test
  void dsdIsProfessionalWhateverItsRate() {
    SourceProbe dsd = probe("dsd_lsbf_planar", 1, 352_800, 5_644_800, true, true);

    assertThat(tierOf(dsd)).contains(QualityTier.PROFESSIONAL);
  }

  @Test
  void lossyNeedsBothBitRateAndSampleRate() {
    assertThat(tierOf(lossy("mp3", 128_000, 44_100))).contains(QualityTier.MINIMUM);
    assertThat(tierOf(lossy("aac", 256_000, 48_000))).contains(QualityTier.MINIMUM);
    assertThat(tierOf(lossy("aac", 320_000, 48_000)))
        .as("the specification's STANDARD: 320 kbps lossy")
        .contains(QualityTier.STANDARD);
    assertThat(tierOf(lossy("mp3", 112_000, 44_100))).isEmpty();
    assertThat(tierOf(lossy("mp3", 320_000, 32_000))).isEmpty();
  }

  /** Issue 15: nominal 128k MP3s measured 127.x kbps and were rejected. */
  @Test
  void aLossyRateWithinTwoPercentBelowTheMinimumIsTheNominalMinimum() {
    assertThat(tierOf(lossy("mp3", 127_994, 44_100))).contains(QualityTier.MINIMUM);
    assertThat(tierOf(lossy("mp3", 125_440, 44_100))).contains(QualityTier.MINIMUM);
    assertThat(tierOf(lossy("mp3", 125_439, 44_100))).isEmpty();
  }

  @Test
  void belowTheLosslessFloorIsRejectedEvenAtAHighBitRate() {
    assertThat(tierOf(lossless("pcm_s16le", 16, 32_000))).isEmpty();
    assertThat(tierOf(lossless("pcm_u8", 8, 44_100))).isEmpty();
  }

  /**
   * Issue 15: G.711 decodes to 16-bit at 352.8 kbps (as ffprobe reports it, lossy, no bit depth),
   * yet each sample is an 8-bit code: below the 16-bit minimum, not a 320 kbps-class STANDARD.
   */
  @Test
  void companded8BitPcmIsJudgedAsEightBitNotByItsBitRate() {
    assertThat(tierOf(lossy("pcm_mulaw", 352_800, 44_100))).isEmpty();
    assertThat(tierOf(lossy("pcm_alaw", 384_000, 48_000))).isEmpty();
    assertThat(QualityTiers.nominal(lossy("pcm_alaw", 352_800, 44_100)).bitDepth()).isEqualTo(8);
  }

  private static Optional<QualityTier> tierOf(SourceProbe probe) {
    return QualityTiers.classify(probe);
  }

  private static SourceProbe lossless(String codec, int bits, int rate) {
    return probe(codec, bits, rate, (long) bits * rate * 2, true, false);
  }

  private static SourceProbe lossy(String codec, long bitRate, int rate) {
    return probe(codec, 0, rate, bitRate, false, false);
  }

  private static SourceProbe probe(
      String codec, int bits, int rate, long bitRate, boolean lossless, boolean dsd) {
    return new SourceProbe(
        "test", codec, 0, rate, bits, "s32", 2, "stereo", 10.0, bitRate, 1_000_000, lossless, dsd);
  }
}
