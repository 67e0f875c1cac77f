package com.audiostems.workflows.media;

/**
 * The delivery formats. The encoder settings behind each live with the activities (they are
 * ffmpeg's business); this enum is the contract: its name, file name, whether it is lossless, and
 * its relative encoding cost, which the encode scheduler balances across parallel processes.
 */
public enum OutputFormat {
  /** 128 kbps MP3 preview for browsing; watermarked once the watermark stage exists. */
  PREVIEW_MP3_128("preview-128k.mp3", false, 3.8),
  /** 320 kbps CBR MP3 (LAME). */
  MP3_320("mp3-320k.mp3", false, 4.0),
  /** AAC-LC 256 kbps in an MPEG-4 audio (.m4a) container. */
  AAC_256("aac-256k.m4a", false, 7.8),
  /** FLAC, compression level 8, at the source's sample rate and bit depth. */
  FLAC("flac.flac", true, 1.6),
  /** Apple Lossless in .m4a, at the source's sample rate and bit depth. */
  ALAC("alac.m4a", true, 1.4),
  /** 24-bit PCM WAV (BWF when the source carries bext), at the source's sample rate. */
  WAV_24("wav-24bit.wav", true, 0.4),
  /** FLAC 24-bit at 96 kHz, only from sources of 88.2 kHz or more: we never upsample. */
  FLAC_96K("flac-96k-24bit.flac", true, 1.6);

  private final String fileName;
  private final boolean lossless;
  private final double relativeCost;

  OutputFormat(String fileName, boolean lossless, double relativeCost) {
    this.fileName = fileName;
    this.lossless = lossless;
    this.relativeCost = relativeCost;
  }

  public String fileName() {
    return fileName;
  }

  public boolean lossless() {
    return lossless;
  }

  /**
   * Encoding cost relative to the others, per second of source at 44.1 kHz, measured with this
   * machine's ffmpeg (see docs/benchmarks.md). Only the ratios matter.
   */
  public double relativeCost() {
    return relativeCost;
  }
}
