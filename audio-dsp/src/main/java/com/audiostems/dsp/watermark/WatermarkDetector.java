package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;
import java.util.ArrayList;
import java.util.List;

/**
 * Blind detector: needs only the (possibly excerpted, re-encoded, resampled, sped up or
 * time-stretched) audio and the keys.
 *
 * <p>The input is downmixed and brought to 22.05 kHz (the mark lies below 6.9 kHz; 512-sample
 * frames there have the embedder's 43 Hz bins). Then, stretch by stretch (40 s): the original
 * speed, then key by key the likeliest warps the {@link ScaleSearch} finds with the key's sync
 * pattern (any resampled speed change or time-stretch within ±3 %; ±1 % only on stretches under 7
 * s): the {@link SyncScanner} finds block positions where the keyed sync pattern correlates above
 * its threshold, and the {@link PayloadDecoder} refines and decodes them; the first payload that
 * passes its CRC-32 and correlates with the whole input at z >= {@link PayloadDecoder#MIN_Z} is the
 * answer.
 */
public final class WatermarkDetector {

  /** Speeds tried first, on every stretch: none (most copies play at the original speed). */
  static final double[] SPEEDS = {1.0};

  /**
   * Speeds tried next on stretches too short for the {@link ScaleSearch} (under 7 s): ±1 %, the
   * commonest re-upload error.
   */
  static final double[] SHORT_SPEEDS = {1.01, 0.99};

  /**
   * A likely speed this close to one already tried is not scanned again (a 15 s excerpt then drifts
   * by a sixth of a frame at either end, which the sync tolerates).
   */
  static final double SAME_SPEED = 0.0004;

  private final double[] speeds;
  private final SyncListener listener;
  private final boolean estimateScale;

  public WatermarkDetector() {
    this(SyncListener.NONE, SPEEDS);
  }

  /**
   * @param speeds speed corrections (resampled) to try first, in order (1.0 = none); the estimated
   *     speeds and stretches follow
   */
  public WatermarkDetector(double... speeds) {
    this(SyncListener.NONE, speeds);
  }

  /**
   * @param listener hears the best sync statistic of every stretch, warp and key scanned
   * @param speeds speed corrections (resampled) to try first, in order (1.0 = none)
   */
  public WatermarkDetector(SyncListener listener, double... speeds) {
    this(listener, true, speeds);
  }

  /**
   * @param estimateScale false to try only {@code speeds} (no search over speed and stretch, no
   *     {@link #SHORT_SPEEDS})
   */
  WatermarkDetector(SyncListener listener, boolean estimateScale, double... speeds) {
    this.listener = listener;
    this.estimateScale = estimateScale;
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
    PayloadDecoder decoder = new PayloadDecoder(x, fft);
    for (int firstFrame = 0; ; firstFrame += SyncScanner.SEARCH_FRAMES) {
      SyncScanner.Stretch stretch = scanner.stretch(firstFrame);
      if (stretch == null) {
        return Detection.NONE;
      }
      List<Warp> tried = new ArrayList<>();
      for (double speed : speeds) {
        Warp w = new Warp(speed, false);
        tried.add(w);
        Detection d = search(stretch, w, decoder, keys);
        if (d.found()) {
          return d;
        }
      }
      if (!estimateScale) {
        continue;
      }
      for (WatermarkKey key : keys) {
        Format.Layout lay = Format.layout(key);
        List<ScaleSearch.Hypothesis> likely = stretch.likelyWarps(lay);
        if (likely.isEmpty()) {
          likely = new ArrayList<>();
          for (double speed : SHORT_SPEEDS) {
            likely.add(new ScaleSearch.Hypothesis(new Warp(speed, false), 0));
          }
        }
        for (ScaleSearch.Hypothesis h : likely) {
          Warp w = h.warp();
          if (tried.stream().anyMatch(t -> t.near(w, SAME_SPEED))) {
            continue;
          }
          Detection d = search(stretch, w, decoder, new WatermarkKey[] {key});
          if (d.found()) {
            return d;
          }
        }
      }
    }
  }

  /** The first payload found in one stretch read through {@code warp}, key by key. */
  private static Detection search(
      SyncScanner.Stretch stretch, Warp warp, PayloadDecoder decoder, WatermarkKey[] keys) {
    SyncScanner.SpeedScan scan = stretch.at(warp);
    if (scan == null) {
      return Detection.NONE;
    }
    for (WatermarkKey key : keys) {
      Format.Layout lay = Format.layout(key);
      Detection d = decoder.decodeFirst(scan.candidates(lay), lay, key);
      if (d.found()) {
        return d;
      }
    }
    return Detection.NONE;
  }
}
