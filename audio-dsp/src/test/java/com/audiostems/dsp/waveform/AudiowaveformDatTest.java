package com.audiostems.dsp.waveform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The .dat files byte for byte against the layout of audiowaveform's doc/DataFormat.md
 * (github.com/bbc/audiowaveform): a little-endian header (version, flags, sample rate, samples per
 * pixel, length; version 2 adds channels), then min/max pairs.
 */
class AudiowaveformDatTest {

  /** Two pixels of 3 frames at 8 kHz, stereo mixed to mono, and a partial third pixel. */
  private static WaveformPeaks.Peaks sevenFrames() {
    WaveformPeaks peaks = new WaveformPeaks(8000, 2, 3);
    float[] left = {0.5f, -0.5f, 0f, 1f, 1f, 0.25f, -1f};
    float[] right = {0.5f, -0.5f, 0f, 1f, 0f, 0.25f, -1f};
    // fed in two blocks, split inside a pixel
    peaks.accept(new float[][] {slice(left, 0, 4), slice(right, 0, 4)}, 4);
    peaks.accept(new float[][] {slice(left, 4, 7), slice(right, 4, 7)}, 3);
    return peaks.finish();
  }

  @Test
  void peaksAreTheMixsMinAndMaxPerPixelIn16BitUnitsAndALastPartialPixelCounts() {
    WaveformPeaks.Peaks peaks = sevenFrames();
    assertThat(peaks.length()).isEqualTo(3);
    assertThat(peaks.sampleRateHz()).isEqualTo(8000);
    assertThat(peaks.samplesPerPixel()).isEqualTo(3);
    // pixel 1: 0.5, -0.5, 0 -> 16384 (0.5 * 32767 = 16383.5 rounds up), -16383 (-16383.5 rounds
    // to -16383: Math.round is half-up); pixel 2: 1, 0.5, 0.25; pixel 3: -1 (clipped at -32767).
    assertThat(peaks.minMax())
        .containsExactly(
            (short) -16383,
            (short) 16384,
            (short) 8192,
            (short) 32767,
            (short) -32767,
            (short) -32767);
  }

  @Test
  void version2With16BitValuesIsTheDocumentedHeaderThenLittleEndianPairs() {
    byte[] dat = AudiowaveformDat.write(sevenFrames());
    assertThat(dat)
        .containsExactly(
            // version 2
            0x02,
            0x00,
            0x00,
            0x00,
            // flags 0: 16-bit
            0x00,
            0x00,
            0x00,
            0x00,
            // sample rate 8000 = 0x1F40
            0x40,
            0x1F,
            0x00,
            0x00,
            // samples per pixel 3
            0x03,
            0x00,
            0x00,
            0x00,
            // length 3 pairs
            0x03,
            0x00,
            0x00,
            0x00,
            // channels 1
            0x01,
            0x00,
            0x00,
            0x00,
            // -16383 = 0xC001, 16384 = 0x4000
            0x01,
            0xC0 - 256,
            0x00,
            0x40,
            // 8192 = 0x2000, 32767 = 0x7FFF
            0x00,
            0x20,
            0xFF - 256,
            0x7F,
            // -32767 = 0x8001, twice
            0x01,
            0x80 - 256,
            0x01,
            0x80 - 256);
  }

  @Test
  void version1HasNoChannelsFieldAnd8BitValuesSetFlagBit0() {
    byte[] dat = AudiowaveformDat.write(sevenFrames(), 1, AudiowaveformDat.Bits.EIGHT);
    assertThat(dat)
        .containsExactly(
            0x01,
            0x00,
            0x00,
            0x00,
            0x01,
            0x00,
            0x00,
            0x00,
            0x40,
            0x1F,
            0x00,
            0x00,
            0x03,
            0x00,
            0x00,
            0x00,
            0x03,
            0x00,
            0x00,
            0x00,
            // high bytes: 0xC0 (-64), 0x40 (64), 0x20 (32), 0x7F (127), 0x80 (-128) twice
            0xC0 - 256,
            0x40,
            0x20,
            0x7F,
            0x80 - 256,
            0x80 - 256);
  }

  @Test
  void onlyVersions1And2Exist() {
    assertThatThrownBy(
            () -> AudiowaveformDat.write(sevenFrames(), 3, AudiowaveformDat.Bits.SIXTEEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 and 2");
  }

  private static float[] slice(float[] values, int from, int to) {
    return java.util.Arrays.copyOfRange(values, from, to);
  }
}
