package com.audiostems.activities.media;

import java.util.Map;
import java.util.Set;

/**
 * What an ffmpeg codec name (and the stream fields ffprobe prints beside it) says about the
 * samples: lossless or not, DSD or not, and how many bits each sample really carries.
 */
public final class CodecFacts {
  /**
   * Compressed codecs that reproduce the input exactly. Everything else that is not PCM is lossy.
   */
  private static final Set<String> LOSSLESS_CODECS =
      Set.of(
          "flac",
          "alac",
          "wavpack",
          "ape",
          "tta",
          "tak",
          "shorten",
          "mlp",
          "truehd",
          "mp4als",
          "wmalossless",
          "s302m",
          "dst");

  /**
   * Companded 8-bit telephony "PCM": ffmpeg marks these lossy, and so do we. Each sample is one of
   * 256 codes (G.711 spans 13 or 14 bits of range with them), whatever width it decodes to.
   */
  private static final Set<String> COMPANDED_PCM = Set.of("pcm_alaw", "pcm_mulaw", "pcm_vidc");

  /** Bits per sample of ffmpeg's decoded sample formats, for when the stream does not say. */
  private static final Map<String, Integer> SAMPLE_FORMAT_BITS =
      Map.of(
          "u8", 8, "u8p", 8, "s16", 16, "s16p", 16, "s32", 32, "s32p", 32, "flt", 32, "fltp", 32,
          "s64", 64, "s64p", 64);

  /** The bits each sample of a {@link #isCompandedPcm} codec carries: one 8-bit code. */
  public static final int COMPANDED_CODE_BITS = 8;

  private CodecFacts() {}

  /** 1-bit DSD, raw (dsd_lsbf, dsd_msbf, their planar forms) or DST-compressed as in DFF. */
  public static boolean isDsd(String codec) {
    return codec.startsWith("dsd_") || codec.equals("dst");
  }

  /**
   * Whether the codec stores 8-bit companded codes (G.711 μ-law and A-law, Acorn's VIDC) that
   * decode to 16-bit samples.
   */
  public static boolean isCompandedPcm(String codec) {
    return COMPANDED_PCM.contains(codec);
  }

  public static boolean isLossless(String codec) {
    if (codec.startsWith("pcm_")) {
      return !COMPANDED_PCM.contains(codec);
    }
    return isDsd(codec) || LOSSLESS_CODECS.contains(codec);
  }

  /**
   * The bit depth the samples were stored with: 1 for DSD, 0 for lossy codecs (they store no
   * samples, only a model of them), otherwise the stream's bits_per_raw_sample (24 for a 24-bit
   * FLAC or ALAC, which decode to 32-bit integers), then its bits_per_sample (32 for float WAV),
   * then the width of the decoded sample format.
   *
   * @param bitsPerRawSample ffprobe's bits_per_raw_sample, 0 when absent
   * @param bitsPerSample ffprobe's bits_per_sample, 0 when absent
   * @param sampleFormat ffprobe's sample_fmt, e.g. "s32p"; may be null
   */
  public static int bitDepth(
      String codec, int bitsPerRawSample, int bitsPerSample, String sampleFormat) {
    if (isDsd(codec)) {
      return 1;
    }
    if (!isLossless(codec)) {
      return 0;
    }
    if (bitsPerRawSample > 0) {
      return bitsPerRawSample;
    }
    if (bitsPerSample > 0) {
      return bitsPerSample;
    }
    return sampleFormat == null ? 0 : SAMPLE_FORMAT_BITS.getOrDefault(sampleFormat, 0);
  }
}
