package com.audiostems.dsp.loudness;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4 for one channel: a high-shelf ("stage 1", the
 * acoustic effect of the head) followed by the RLB high-pass ("stage 2"), at any sample rate.
 *
 * <p>BS.1770 tabulates the coefficients only for 48 kHz and asks other rates for "the same
 * frequency response". We therefore keep the analog prototypes (centre frequency, gain and Q that
 * reproduce the 48 kHz table through the bilinear transform) and re-derive the biquads for the
 * actual rate, with the frequency pre-warped so that the characteristic frequencies land where they
 * do at 48 kHz. {@code KWeightingTest} checks that 48 kHz gives the tabulated coefficients.
 *
 * <p>Input samples are floats (full scale 1.0); the state and the arithmetic are double, because
 * the high-pass pole sits 0.005 from the unit circle and float state would add audible noise to the
 * measurement of quiet passages.
 */
public final class KWeighting {

  /** Stage 1 prototype: the shelf's centre frequency, gain and Q. */
  static final double SHELF_CENTRE_HZ = 1681.974450955533;

  static final double SHELF_GAIN_DB = 3.999843853973347;
  static final double SHELF_Q = 0.7071752369554196;

  /**
   * The shelf's "band" gain is not the geometric mean of 1 and the high gain but a slightly
   * different power of it; this exponent is what makes the bilinear shelf hit the 48 kHz table.
   */
  static final double SHELF_BAND_EXPONENT = 0.4996667741545416;

  /** Stage 2 prototype (revised low-frequency B-curve): the high-pass corner and Q. */
  static final double HIGH_PASS_CORNER_HZ = 38.13547087602444;

  static final double HIGH_PASS_Q = 0.5003270373238773;

  /** The rate at which BS.1770 tabulates the coefficients and so defines the response. */
  static final int REFERENCE_RATE_HZ = 48_000;

  /** A second-order section, normalised so that a0 = 1. */
  record Biquad(double b0, double b1, double b2, double a1, double a2) {}

  private final Biquad shelf;
  private final Biquad highPass;

  // Transposed direct form II state of each stage.
  private double shelfZ1;
  private double shelfZ2;
  private double highPassZ1;
  private double highPassZ2;

  public KWeighting(int sampleRateHz) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
    }
    this.shelf = shelf(sampleRateHz);
    this.highPass = highPass(sampleRateHz);
  }

  /** Stage 1, the high shelf, for {@code sampleRateHz}. */
  static Biquad shelf(double sampleRateHz) {
    double k = Math.tan(Math.PI * SHELF_CENTRE_HZ / sampleRateHz);
    double highGain = Math.pow(10, SHELF_GAIN_DB / 20);
    double bandGain = Math.pow(highGain, SHELF_BAND_EXPONENT);
    double a0 = 1 + k / SHELF_Q + k * k;
    return new Biquad(
        (highGain + bandGain * k / SHELF_Q + k * k) / a0,
        2 * (k * k - highGain) / a0,
        (highGain - bandGain * k / SHELF_Q + k * k) / a0,
        2 * (k * k - 1) / a0,
        (1 - k / SHELF_Q + k * k) / a0);
  }

  /** Stage 2, the high-pass, for {@code sampleRateHz}. */
  static Biquad highPass(double sampleRateHz) {
    double a0 = highPassA0(sampleRateHz);
    double k = Math.tan(Math.PI * HIGH_PASS_CORNER_HZ / sampleRateHz);
    // BS.1770's 48 kHz table keeps the numerator at (1, -2, 1) instead of dividing it by a0, so
    // its pass band sits a0(48 kHz) ~ 1.005 (+0.04 dB) above unity, and the -0.691 dB constant of
    // the loudness formula was calibrated with that. Scaling by a0(48 kHz) / a0(fs) keeps exactly
    // that pass-band gain at every rate (at 48 kHz the scale is 1 and the table is reproduced).
    double gain = highPassA0(REFERENCE_RATE_HZ) / a0;
    return new Biquad(
        gain, -2 * gain, gain, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0);
  }

  private static double highPassA0(double sampleRateHz) {
    double k = Math.tan(Math.PI * HIGH_PASS_CORNER_HZ / sampleRateHz);
    return 1 + k / HIGH_PASS_Q + k * k;
  }

  /** Forgets the past input (as if preceded by silence). */
  public void reset() {
    shelfZ1 = shelfZ2 = highPassZ1 = highPassZ2 = 0;
  }

  /**
   * Filters {@code frames} samples of {@code in} from {@code offset} and adds {@code weight} times
   * each filtered sample squared to {@code energy[0..frames)}: the channel's contribution to the
   * weighted mean square of BS.1770 eq. (1)-(2), before averaging.
   */
  public void accumulateWeightedSquares(
      float[] in, int offset, int frames, double weight, double[] energy) {
    double sb0 = shelf.b0();
    double sb1 = shelf.b1();
    double sb2 = shelf.b2();
    double sa1 = shelf.a1();
    double sa2 = shelf.a2();
    double hb0 = highPass.b0();
    double hb1 = highPass.b1();
    double hb2 = highPass.b2();
    double ha1 = highPass.a1();
    double ha2 = highPass.a2();
    double s1 = shelfZ1;
    double s2 = shelfZ2;
    double h1 = highPassZ1;
    double h2 = highPassZ2;
    for (int i = 0; i < frames; i++) {
      double x = in[offset + i];
      double u = sb0 * x + s1;
      s1 = sb1 * x - sa1 * u + s2;
      s2 = sb2 * x - sa2 * u;
      double y = hb0 * u + h1;
      h1 = hb1 * u - ha1 * y + h2;
      h2 = hb2 * u - ha2 * y;
      energy[i] += weight * y * y;
    }
    shelfZ1 = s1;
    shelfZ2 = s2;
    highPassZ1 = h1;
    highPassZ2 = h2;
  }

  /**
   * {@link #accumulateWeightedSquares} for two channels in one loop. Each biquad waits for its own
   * previous output, so one channel alone leaves the CPU idle most of the time; two independent
   * channels interleaved run in nearly the time of one.
   */
  static void accumulateWeightedSquares(
      KWeighting first,
      float[] firstIn,
      double firstWeight,
      KWeighting second,
      float[] secondIn,
      double secondWeight,
      int offset,
      int frames,
      double[] energy) {
    Biquad sa = first.shelf;
    Biquad ha = first.highPass;
    Biquad sb = second.shelf;
    Biquad hb = second.highPass;
    double sb0 = sa.b0();
    double sb1 = sa.b1();
    double sb2 = sa.b2();
    double sa1 = sa.a1();
    double sa2 = sa.a2();
    double hb0 = ha.b0();
    double hb1 = ha.b1();
    double hb2 = ha.b2();
    double ha1 = ha.a1();
    double ha2 = ha.a2();
    if (!sa.equals(sb) || !ha.equals(hb)) {
      throw new IllegalArgumentException("both channels must run at the same rate");
    }
    double s1 = first.shelfZ1;
    double s2 = first.shelfZ2;
    double h1 = first.highPassZ1;
    double h2 = first.highPassZ2;
    double t1 = second.shelfZ1;
    double t2 = second.shelfZ2;
    double g1 = second.highPassZ1;
    double g2 = second.highPassZ2;
    for (int i = 0; i < frames; i++) {
      double x = firstIn[offset + i];
      double v = secondIn[offset + i];
      double u = sb0 * x + s1;
      double w = sb0 * v + t1;
      s1 = sb1 * x - sa1 * u + s2;
      t1 = sb1 * v - sa1 * w + t2;
      s2 = sb2 * x - sa2 * u;
      t2 = sb2 * v - sa2 * w;
      double y = hb0 * u + h1;
      double z = hb0 * w + g1;
      h1 = hb1 * u - ha1 * y + h2;
      g1 = hb1 * w - ha1 * z + g2;
      h2 = hb2 * u - ha2 * y;
      g2 = hb2 * w - ha2 * z;
      energy[i] += firstWeight * y * y + secondWeight * z * z;
    }
    first.shelfZ1 = s1;
    first.shelfZ2 = s2;
    first.highPassZ1 = h1;
    first.highPassZ2 = h2;
    second.shelfZ1 = t1;
    second.shelfZ2 = t2;
    second.highPassZ1 = g1;
    second.highPassZ2 = g2;
  }

  /** The magnitude response in dB at {@code frequencyHz} for {@code sampleRateHz} (for tests). */
  static double responseDb(double frequencyHz, double sampleRateHz) {
    double w = 2 * Math.PI * frequencyHz / sampleRateHz;
    return magnitudeDb(shelf(sampleRateHz), w) + magnitudeDb(highPass(sampleRateHz), w);
  }

  private static double magnitudeDb(Biquad f, double w) {
    double cr = Math.cos(w);
    double ci = -Math.sin(w);
    double c2r = Math.cos(2 * w);
    double c2i = -Math.sin(2 * w);
    double nr = f.b0() + f.b1() * cr + f.b2() * c2r;
    double ni = f.b1() * ci + f.b2() * c2i;
    double dr = 1 + f.a1() * cr + f.a2() * c2r;
    double di = f.a1() * ci + f.a2() * c2i;
    return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
  }
}
