package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;

/**
 * The detector's signal with a {@link Warp} undone, read frame by frame in the original's time: a
 * resampled speed change is undone by resampling (which moves the bins back too); a time-stretch by
 * reading the copy's frames on a hop of DET_N / speed samples, leaving the bins where they are.
 * Positions are in samples of the unwarped signal at {@link Format#DET_RATE_HZ}.
 */
final class WarpedSignal {

  private final float[] x;
  private final Warp warp;

  /** Unwarped samples: the resampled signal's length, or the stretched copy's length · speed. */
  private final int length;

  /**
   * @param x the detector's signal, at {@link Format#DET_RATE_HZ}
   */
  WarpedSignal(float[] x, Warp warp) {
    this.warp = warp;
    if (warp.pitchKept() || warp.speed() == 1.0) {
      this.x = x;
      this.length = (int) Math.floor(x.length * warp.speed());
    } else {
      this.x = Resampler.resample(x, 1, warp.speed());
      this.length = this.x.length;
    }
  }

  Warp warp() {
    return warp;
  }

  /** Whole frames from unwarped sample {@code start}. */
  int frameCount(int start) {
    if (!warp.pitchKept()) {
      return Format.detFrameCount(length, start);
    }
    // the last frame's copy samples [pos, pos + DET_N) must lie inside the copy
    double hop = Format.DET_N / warp.speed();
    double room = x.length - Format.DET_N - start / warp.speed();
    return room < 0 ? 0 : (int) Math.floor(room / hop) + 1;
  }

  /** Log bands of {@code frames} frames from unwarped sample {@code start}. */
  float[][] logBands(int start, int frames, RealFft fft) {
    if (!warp.pitchKept()) {
      return Format.logBands(x, start, frames, fft);
    }
    double speed = warp.speed();
    return Format.logBands(
        x, f -> (int) Math.round((start + (double) f * Format.DET_N) / speed), frames, fft);
  }
}
