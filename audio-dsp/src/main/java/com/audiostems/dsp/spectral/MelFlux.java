package com.audiostems.dsp.spectral;

/**
 * Spectral flux on the log-mel spectrogram: per frame, the mean over bands of the level rise since
 * the previous frame, max(0, L_t − L_{t−1}), in dB. A librosa-style onset strength (its {@code
 * onset_strength} on a dB mel spectrogram, mean-aggregated, lag 1).
 *
 * <p>Why log-mel and rises only: a sustained pad changes little in level from frame to frame
 * however loud it is, while every drum hit raises many bands by tens of dB; only rises count
 * because decays are slow and would double-count each onset. Levels are floored at the track's
 * loudest band level minus {@link #FLOOR_BELOW_MAX_DB} (librosa's top_db) so that noise flickering
 * in near-silent bands does not read as onsets, and the result does not depend on playback gain.
 */
public final class MelFlux {

  public static final double FLOOR_BELOW_MAX_DB = 80;

  private MelFlux() {}

  /** Flux per frame in dB (frame 0 reads 0), from {@code logMelDb[frame][band]}. */
  public static double[] positiveDb(float[][] logMelDb) {
    double[] flux = new double[logMelDb.length];
    if (logMelDb.length == 0) {
      return flux;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (float[] frame : logMelDb) {
      for (float v : frame) {
        max = Math.max(max, v);
      }
    }
    double floor = max - FLOOR_BELOW_MAX_DB;
    int bands = logMelDb[0].length;
    for (int t = 1; t < logMelDb.length; t++) {
      float[] now = logMelDb[t];
      float[] before = logMelDb[t - 1];
      double rise = 0;
      for (int b = 0; b < bands; b++) {
        double d = Math.max(floor, now[b]) - Math.max(floor, before[b]);
        if (d > 0) {
          rise += d;
        }
      }
      flux[t] = rise / bands;
    }
    return flux;
  }
}
