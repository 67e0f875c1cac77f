package com.audiostems.dsp.waveform;

import java.io.ByteArrayOutputStream;

/**
 * The min/max peaks a waveform is drawn from, as BBC's audiowaveform computes them: the channels
 * mixed to one (their mean, as {@code audiowaveform} does without {@code --split-channels}), then,
 * for every {@code samplesPerPixel} frames, the lowest and highest sample as 16-bit values. Fed
 * block by block while a track is decoded; {@link #finish()} returns the peaks.
 */
public final class WaveformPeaks {
  /**
   * audiowaveform's default zoom: 256 frames a pixel (5.8 ms at 44.1 kHz), fine enough for
   * peaks.js's zoomed view, ~690 bytes a second of audio at 16 bits.
   */
  public static final int DEFAULT_SAMPLES_PER_PIXEL = 256;

  private final int sampleRateHz;
  private final int channels;
  private final int samplesPerPixel;
  private final ByteArrayOutputStream pairs = new ByteArrayOutputStream();
  private int framesInPixel;
  private int min = Integer.MAX_VALUE;
  private int max = Integer.MIN_VALUE;
  private int length;

  public WaveformPeaks(int sampleRateHz, int channels, int samplesPerPixel) {
    if (sampleRateHz < 1 || channels < 1 || samplesPerPixel < 2) {
      throw new IllegalArgumentException(
          "sample rate "
              + sampleRateHz
              + " Hz, "
              + channels
              + " channels, "
              + samplesPerPixel
              + " samples per pixel: each must be positive, samples per pixel at least 2");
    }
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    this.samplesPerPixel = samplesPerPixel;
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    if (block.length != channels) {
      throw new IllegalArgumentException("expected " + channels + " channels, got " + block.length);
    }
    for (int i = 0; i < frames; i++) {
      float sum = 0;
      for (float[] channel : block) {
        sum += channel[i];
      }
      int sample = toInt16(sum / channels);
      min = Math.min(min, sample);
      max = Math.max(max, sample);
      if (++framesInPixel == samplesPerPixel) {
        emit();
      }
    }
  }

  /**
   * The peaks of everything accepted; a last partial pixel counts as a pixel, as audiowaveform's.
   */
  public Peaks finish() {
    if (framesInPixel > 0) {
      emit();
    }
    return new Peaks(sampleRateHz, samplesPerPixel, length, toShorts(pairs.toByteArray()));
  }

  /** Full scale ±1 to audiowaveform's 16-bit range, rounded and clipped. */
  static int toInt16(float sample) {
    long scaled = Math.round(sample * 32767.0);
    return (int) Math.max(-32768, Math.min(32767, scaled));
  }

  private void emit() {
    writeShort(min);
    writeShort(max);
    length++;
    framesInPixel = 0;
    min = Integer.MAX_VALUE;
    max = Integer.MIN_VALUE;
  }

  private void writeShort(int value) {
    pairs.write(value >> 8);
    pairs.write(value);
  }

  private static short[] toShorts(byte[] bytes) {
    short[] values = new short[bytes.length / 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = (short) ((bytes[2 * i] << 8) | (bytes[2 * i + 1] & 0xff));
    }
    return values;
  }

  /**
   * One channel's peaks.
   *
   * @param length the number of pixels
   * @param minMax {@code 2 * length} values: each pixel's min, then its max, in 16-bit units
   */
  public record Peaks(int sampleRateHz, int samplesPerPixel, int length, short[] minMax) {}
}
