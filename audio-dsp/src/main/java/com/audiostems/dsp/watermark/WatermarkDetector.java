package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;

/**
 * Blind detector: needs only the (possibly excerpted, re-encoded, resampled) audio and the keys.
 *
 * <p>The input is downmixed and brought to 22.05 kHz (the mark lies below 6.9 kHz; 512-sample
 * frames there have the embedder's 43 Hz bins). Then, stretch by stretch (40 s), speed by speed (1,
 * 1.01, 0.99) and key by key: the {@link SyncScanner} finds block positions where the keyed sync
 * pattern correlates above its threshold, and the {@link PayloadDecoder} refines and decodes them;
 * the first payload that passes its CRC-32 and correlates with the whole input at z >= {@link
 * PayloadDecoder#MIN_Z} is the answer.
 */
public final class WatermarkDetector {

  static final double[] SPEEDS = {1.0, 1.01, 0.99};

  private final double[] speeds;
  private final SyncListener listener;

  public WatermarkDetector() {
    this(SyncListener.NONE, SPEEDS);
  }

  /**
   * @param speeds speed corrections to try in order (1.0 = none)
   */
  public WatermarkDetector(double... speeds) {
    this(SyncListener.NONE, speeds);
  }

  /**
   * @param listener hears the best sync statistic of every stretch, speed and key scanned
   * @param speeds speed corrections to try in order (1.0 = none)
   */
  public WatermarkDetector(SyncListener listener, double... speeds) {
    this.listener = listener;
    this.speeds = speeds.clone();
  }

  /**
   * The mark in {@code channels} at {@code sampleRateHz} under any of {@code keys}, or a detection
   * that is not {@link Detection#found()}.
   */
  public Detection detect(float[][] channels, int sampleRateHz, WatermarkKey... keys) {
    float[] x =
        Resampler.toRate(
            Downmix.mono(channels), sampleRateHz, Format.DET_RATE_HZ, Format.MARK_TOP_HZ);
    RealFft fft = new RealFft(Format.DET_N);
    SyncScanner scanner = new SyncScanner(x, speeds, listener, fft);
    PayloadDecoder decoder = new PayloadDecoder(x, speeds.length, fft);
    for (int firstFrame = 0; ; firstFrame += SyncScanner.SEARCH_FRAMES) {
      SyncScanner.Stretch stretch = scanner.stretch(firstFrame);
      if (stretch == null) {
        return Detection.NONE;
      }
      Detection d = search(stretch, decoder, keys);
      if (d.found()) {
        return d;
      }
    }
  }

  /** The first payload found in one stretch, speed by speed and key by key. */
  private Detection search(
      SyncScanner.Stretch stretch, PayloadDecoder decoder, WatermarkKey[] keys) {
    for (int si = 0; si < speeds.length; si++) {
      SyncScanner.SpeedScan scan = stretch.atSpeed(si);
      if (scan == null) {
        continue;
      }
      for (WatermarkKey key : keys) {
        Format.Layout lay = Format.layout(key);
        Detection d = decoder.decodeFirst(scan.candidates(lay), lay, key);
        if (d.found()) {
          return d;
        }
      }
    }
    return Detection.NONE;
  }
}
