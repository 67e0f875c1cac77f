package com.audiostems.dsp.spectral;

/**
 * Mel-frequency cepstral coefficients of one magnitude frame, as librosa's {@code mfcc} on a power
 * mel spectrogram: Slaney mel bands (default 40, 0 Hz to Nyquist) of |X|², 10·log10 with a 1e-10
 * floor (dB relative to a power of 1, no top-dB clipping), orthonormal DCT-II, first 13.
 *
 * <p>Units: the log-mel bands are dB on the unnormalised FFT scale of the shared spectrogram
 * (librosa's scale too); c0 = √N × mean band level in dB, so +6.02 dB of signal adds 6.02·√N to c0
 * and leaves c1… unchanged. Higher coefficients are dB-weighted cosine shapes across bands.
 */
public final class Mfcc {

  public static final int DEFAULT_MEL_BANDS = 40;
  public static final int DEFAULT_COEFFICIENTS = 13;
  private static final double POWER_FLOOR = 1e-10;

  private final MelFilterbank filterbank;
  private final Dct dct;
  private final double[] bandPowers;

  public Mfcc(MelFilterbank filterbank, int coefficients) {
    this.filterbank = filterbank;
    this.dct = new Dct(filterbank.bandCount(), coefficients);
    this.bandPowers = new double[filterbank.bandCount()];
  }

  /** 40 Slaney bands from 0 Hz to Nyquist, 13 coefficients. */
  public static Mfcc defaults(int binCount, double binWidthHz) {
    double nyquistHz = (binCount - 1) * binWidthHz;
    return new Mfcc(
        new MelFilterbank(binCount, binWidthHz, DEFAULT_MEL_BANDS, 0, nyquistHz),
        DEFAULT_COEFFICIENTS);
  }

  public int bandCount() {
    return filterbank.bandCount();
  }

  public int coefficientCount() {
    return dct.outputCount();
  }

  /**
   * Writes the log-mel band levels (dB) into {@code logMelDbOut} and the cepstrum into {@code
   * mfccOut}, and returns the sum of the band powers (before the floor; 0 for digital silence). Not
   * thread-safe (scratch buffer): one instance per thread.
   */
  public double compute(float[] magnitudes, double[] logMelDbOut, double[] mfccOut) {
    filterbank.bandPowers(magnitudes, bandPowers);
    double total = 0;
    for (int b = 0; b < bandPowers.length; b++) {
      total += bandPowers[b];
      logMelDbOut[b] = 10 * Math.log10(Math.max(POWER_FLOOR, bandPowers[b]));
    }
    dct.transform(logMelDbOut, mfccOut);
    return total;
  }
}
