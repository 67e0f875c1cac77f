package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codec names and ffprobe fields as ffmpeg 5.1 prints them for real files. */
class CodecFactsTest {

  @Test
  void pcmAndLosslessCodecsAreLossless() {
    assertThat(CodecFacts.isLossless("pcm_s24le")).isTrue();
    assertThat(CodecFacts.isLossless("pcm_f32be")).isTrue();
    assertThat(CodecFacts.isLossless("flac")).isTrue();
    assertThat(CodecFacts.isLossless("alac")).isTrue();
    assertThat(CodecFacts.isLossless("wavpack")).isTrue();
    assertThat(CodecFacts.isLossless("ape")).isTrue();
    assertThat(CodecFacts.isLossless("tta")).isTrue();
    assertThat(CodecFacts.isLossless("dsd_msbf")).isTrue();
  }

  @Test
  void perceptualAndCompandedCodecsAreLossy() {
    assertThat(CodecFacts.isLossless("mp3")).isFalse();
    assertThat(CodecFacts.isLossless("aac")).isFalse();
    assertThat(CodecFacts.isLossless("opus")).isFalse();
    assertThat(CodecFacts.isLossless("wmav2")).isFalse();
    assertThat(CodecFacts.isLossless("pcm_mulaw")).isFalse();
  }

  @Test
  void dsdIsOneBitAndLossyIsZero() {
    assertThat(CodecFacts.isDsd("dsd_lsbf_planar")).isTrue();
    assertThat(CodecFacts.isDsd("dst")).isTrue();
    assertThat(CodecFacts.bitDepth("dsd_lsbf_planar", 0, 8, "fltp")).isEqualTo(1);
    assertThat(CodecFacts.bitDepth("mp3", 0, 0, "fltp")).isZero();
  }

  @Test
  void bitDepthPrefersTheRawSampleBits() {
    // ffprobe on a 24-bit FLAC: sample_fmt=s32, bits_per_sample=0, bits_per_raw_sample=24
    assertThat(CodecFacts.bitDepth("flac", 24, 0, "s32")).isEqualTo(24);
    // on a float WAV: bits_per_sample=32, no bits_per_raw_sample
    assertThat(CodecFacts.bitDepth("pcm_f32le", 0, 32, "flt")).isEqualTo(32);
    // a lossless stream that states neither falls back to its decoded sample format
    assertThat(CodecFacts.bitDepth("ape", 0, 0, "s16p")).isEqualTo(16);
  }
}
