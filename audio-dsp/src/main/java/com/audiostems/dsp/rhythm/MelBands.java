package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.Spectrogram;

/**
 * Triangular mel-spaced bands over an FFT's bins, stored sparsely (each band touches a few bins). A
 * band's value is the weighted mean magnitude of its bins, so wide and narrow bands are comparable.
 */
final class MelBands {

  private final int[] firstBin;
  private final float[][] weights;
  private final double[] centreHz;

  private MelBands(int[] firstBin, float[][] weights, double[] centreHz) {
    this.firstBin = firstBin;
    this.weights = weights;
    this.centreHz = centreHz;
  }

  /** {@code count} bands from {@code lowestHz} to 95% of Nyquist on {@code s}'s bins. */
  static MelBands of(Spectrogram s, int count, double lowestHz) {
    return of(s.sampleRateHz(), s.frameSizeSamples(), count, lowestHz);
  }

  /** {@code count} bands from {@code lowestHz} to 95% of Nyquist on the bins of an FFT. */
  static MelBands of(int sampleRateHz, int fftSize, int count, double lowestHz) {
    double nyquist = sampleRateHz / 2.0;
    double loMel = mel(lowestHz);
    double hiMel = mel(0.95 * nyquist);
    double binHz = (double) sampleRateHz / fftSize;
    int binCount = fftSize / 2 + 1;
    int[] first = new int[count];
    float[][] w = new float[count][];
    double[] centres = new double[count];
    for (int b = 0; b < count; b++) {
      double lo = hz(loMel + (hiMel - loMel) * b / (count + 1));
      double mid = hz(loMel + (hiMel - loMel) * (b + 1) / (count + 1));
      double hi = hz(loMel + (hiMel - loMel) * (b + 2) / (count + 1));
      // Low bands are narrower than a bin: widen them to at least a bin on each side so that
      // every band sees some bin, at the cost of overlapping neighbours.
      lo = Math.min(lo, mid - binHz);
      hi = Math.max(hi, mid + binHz);
      int from = Math.max(1, (int) Math.ceil(lo / binHz));
      int to = Math.min(binCount - 1, (int) Math.floor(hi / binHz));
      float[] weights = new float[Math.max(0, to - from + 1)];
      double sum = 0;
      for (int k = from; k <= to; k++) {
        double f = k * binHz;
        double v = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
        weights[k - from] = (float) Math.max(0, v);
        sum += weights[k - from];
      }
      for (int i = 0; i < weights.length; i++) {
        weights[i] /= (float) Math.max(sum, 1e-9);
      }
      first[b] = from;
      w[b] = weights;
      centres[b] = mid;
    }
    return new MelBands(first, w, centres);
  }

  int count() {
    return weights.length;
  }

  /** How many bands are centred below {@code hz} (bands are in ascending order). */
  int countBelow(double hz) {
    int n = 0;
    while (n < centreHz.length && centreHz[n] < hz) {
      n++;
    }
    return n;
  }

  /**
   * Each band's RMS magnitude, sqrt of its weighted mean power, from the bins' powers ({@code
   * power[k] = |X[k]|^2}).
   */
  float[] fromPower(float[] power) {
    float[] out = new float[weights.length];
    for (int b = 0; b < weights.length; b++) {
      float[] w = weights[b];
      int k0 = firstBin[b];
      float acc = 0;
      for (int i = 0; i < w.length; i++) {
        acc += w[i] * power[k0 + i];
      }
      out[b] = (float) Math.sqrt(acc);
    }
    return out;
  }

  /** The same from magnitudes. */
  float[] fromMagnitudes(float[] magnitudes, float[] scratch) {
    for (int k = 0; k < magnitudes.length; k++) {
      scratch[k] = magnitudes[k] * magnitudes[k];
    }
    return fromPower(scratch);
  }

  double[] centresHz() {
    return centreHz.clone();
  }

  static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  static double hz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }
}
