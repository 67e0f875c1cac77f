package com.audiostems.dsp.structure;

/**
 * The per-frame vector the structure analysis compares: [level, c1 … c12], all in dB.
 *
 * <p>Level is the mean log-mel band level (c0 / √bands), floored at the track's loudest frame minus
 * {@value #LEVEL_RANGE_DB} dB, so that fades into digital silence (−100 dB) do not swamp every
 * other difference. c1…c12 describe spectral shape (timbre) independently of level. We use the
 * spectrogram's own level rather than the 3 s short-term loudness because the latter smears every
 * change over 3 s and would blur boundaries by ±1.5 s. Keeping everything in dB (no per-track
 * z-scoring) keeps distances absolute, so a steady track can be recognised as having no structure
 * instead of having its noise amplified into boundaries.
 */
public final class FrameFeatures {

  public static final double LEVEL_RANGE_DB = 60;

  private FrameFeatures() {}

  /** {@code [frame][1 + (coefficients − 1)]} vectors from {@code mfcc[frame][coefficient]}. */
  public static double[][] fromMfcc(double[][] mfcc, int melBands) {
    int frames = mfcc.length;
    if (frames == 0) {
      return new double[0][];
    }
    int coefficients = mfcc[0].length;
    double levelScale = 1 / Math.sqrt(melBands);
    double maxLevel = Double.NEGATIVE_INFINITY;
    for (double[] c : mfcc) {
      maxLevel = Math.max(maxLevel, c[0] * levelScale);
    }
    double floor = maxLevel - LEVEL_RANGE_DB;
    double[][] out = new double[frames][coefficients];
    for (int f = 0; f < frames; f++) {
      out[f][0] = Math.max(floor, mfcc[f][0] * levelScale);
      System.arraycopy(mfcc[f], 1, out[f], 1, coefficients - 1);
    }
    return out;
  }
}
