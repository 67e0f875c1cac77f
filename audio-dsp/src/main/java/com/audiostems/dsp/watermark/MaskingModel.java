package com.audiostems.dsp.watermark;

/**
 * A simple psychoacoustic masking estimate per frame, after Johnston (1988): the power spectrum is
 * grouped into critical-band-wide bands over the mark's range, spread to neighbouring bands (-10
 * dB/band below, -15 dB/band above... simplified to one neighbour each side), and lowered by an
 * offset that depends on tonality: 14.5 + z dB for tonal bands, 5.5 dB for noise-like bands, with
 * the tonality taken from the band's spectral flatness. The embedder keeps the mark's energy in
 * each band at or under this threshold (within its strength floor).
 */
final class MaskingModel {

  final int[] bandStart;
  final int[] bandEnd; // exclusive
  final double[] bark;

  MaskingModel(int loBin, int hiBin, int frameSize, double rateHz) {
    java.util.List<int[]> bands = new java.util.ArrayList<>();
    int k = loBin;
    while (k < hiBin) {
      double f = k * rateHz / frameSize;
      double cbw = 25 + 75 * Math.pow(1 + 1.4 * Math.pow(f / 1000, 2), 0.69);
      int w = Math.max(2, (int) Math.round(cbw / (rateHz / frameSize)));
      int e = Math.min(hiBin, k + w);
      if (hiBin - e < 2) {
        e = hiBin;
      }
      bands.add(new int[] {k, e});
      k = e;
    }
    bandStart = new int[bands.size()];
    bandEnd = new int[bands.size()];
    bark = new double[bands.size()];
    for (int i = 0; i < bands.size(); i++) {
      bandStart[i] = bands.get(i)[0];
      bandEnd[i] = bands.get(i)[1];
      double f = 0.5 * (bandStart[i] + bandEnd[i]) * rateHz / frameSize;
      bark[i] = 13 * Math.atan(0.00076 * f) + 3.5 * Math.atan(Math.pow(f / 7500, 2));
    }
  }

  int bands() {
    return bandStart.length;
  }

  /** Band energies of the interleaved (re, im) spectrum {@code spectrum} into {@code out}. */
  void bandEnergies(float[] spectrum, double[] out) {
    for (int b = 0; b < bands(); b++) {
      double e = 0;
      for (int k = bandStart[b]; k < bandEnd[b]; k++) {
        e +=
            (double) spectrum[2 * k] * spectrum[2 * k]
                + (double) spectrum[2 * k + 1] * spectrum[2 * k + 1];
      }
      out[b] = e;
    }
  }

  /**
   * Band energies into {@code energyOut} and masking thresholds (same units) into {@code
   * thresholdOut}, from the power spectrum {@code power[k]}.
   */
  void analyse(double[] power, double[] energyOut, double[] thresholdOut) {
    int nb = bands();
    double[] flatDb = new double[nb];
    for (int b = 0; b < nb; b++) {
      double sum = 0;
      double logSum = 0;
      for (int k = bandStart[b]; k < bandEnd[b]; k++) {
        double p = power[k] + 1e-20;
        sum += p;
        logSum += Math.log(p);
      }
      int n = bandEnd[b] - bandStart[b];
      energyOut[b] = sum;
      double geo = Math.exp(logSum / n);
      flatDb[b] = 10 * Math.log10(geo / (sum / n) + 1e-30);
    }
    for (int b = 0; b < nb; b++) {
      double spread = energyOut[b];
      if (b > 0) {
        spread += 0.1 * energyOut[b - 1]; // -10 dB from the band below (upward spread)
      }
      if (b + 1 < nb) {
        spread += 0.03 * energyOut[b + 1]; // -15 dB from the band above
      }
      double alpha = Math.min(1.0, flatDb[b] / -60.0); // Johnston's tonality index
      double offsetDb = alpha * (14.5 + bark[b]) + (1 - alpha) * 5.5;
      thresholdOut[b] = spread * Math.pow(10, -offsetDb / 10);
    }
  }
}
