package com.audiostems.dsp.quality;

import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Windows;

/**
 * The long-term power spectrum of a source and, per band, the distribution of short-term band
 * levels over time (for the noise floor), accumulated in one streaming pass.
 *
 * <p>To stay cheap it looks at one Hann-windowed frame out of every {@link #HOP_FRAMES_PER_FFT}
 * frame lengths (a frame is ~46 ms at 44.1/48 kHz, one every ~0.19 s): a long-term spectrum only
 * needs a fair sample of the music, not every sample. All channels' power spectra are summed, so a
 * channel in opposite polarity cannot cancel anything. Frames of digital silence (peak below {@link
 * #SILENT_FRAME_DBFS}) are skipped: silence has its own check.
 *
 * <p>Levels are expressed as the RMS level, in dBFS, of the white noise that would have the same
 * power density: a flat -70 dBFS noise floor reads -70 in every bin, whatever the FFT size.
 */
final class LongTermSpectrum {

  /** Frames below this peak are digital silence, judged by {@link SilenceCheck}, not here. */
  static final double SILENT_FRAME_DBFS = -90;

  /** One analysed frame per this many frame lengths: ~5 frames a second at 44.1 kHz. */
  static final int HOP_FRAMES_PER_FFT = 4;

  /** Resolution of the per-band level histograms, dB. */
  static final double HIST_STEP_DB = 0.5;

  static final double HIST_MIN_DB = -200;
  static final int HIST_BINS = 440;

  /** Noise-floor bands: log-spaced from this frequency... */
  static final double NOISE_BAND_LOW_HZ = 150;

  /** ...to this one (or 0.9 x Nyquist): above 15 kHz lossy codecs zero whole bands. */
  static final double NOISE_BAND_HIGH_HZ = 15_000;

  static final int NOISE_BANDS = 24;

  /**
   * The low band whose inter-channel correlation tells polarity: bass and kick are mixed to the
   * centre in practically all music, so below ~250 Hz the channels agree unless one is inverted.
   */
  static final double LOW_BAND_LOW_HZ = 40;

  static final double LOW_BAND_HIGH_HZ = 250;

  private final int sampleRateHz;
  private final int channels;
  private final int fftSize;
  private final RealFft fft;
  private final float[] window;
  private final double windowPower;
  private final float[][] frame;
  private final float[] scratch;
  private final float[] first;
  private final int lowLo;
  private final int lowHi;
  private double lowCross;
  private double lowLeft;
  private double lowRight;
  private final double[] framePower;
  private final double[] powerSum;
  private final int[] bandLo;
  private final int[] bandHi;
  private final int[][] bandHist;
  private final CutoffFrames cutoffFrames;
  private final float silentPeak = (float) Units.amplitude(SILENT_FRAME_DBFS);
  private int filled;
  private long toSkip;
  private int frames;

  LongTermSpectrum(int sampleRateHz, int channels) {
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    // ~21-23 Hz bins at every rate: fine enough to place an encoder's low-pass within 100 Hz.
    int size = 2048;
    while (size * 24_000L < sampleRateHz * 2048L) {
      size *= 2;
    }
    this.fftSize = size;
    this.fft = new RealFft(size);
    this.window = Windows.hann(size);
    double wp = 0;
    for (float w : window) {
      wp += w * w;
    }
    this.windowPower = wp;
    this.frame = new float[channels][size];
    this.scratch = new float[size];
    this.first = new float[size];
    this.lowLo = Math.max(1, (int) Math.round(LOW_BAND_LOW_HZ / binHz()));
    this.lowHi = Math.max(lowLo + 1, (int) Math.round(LOW_BAND_HIGH_HZ / binHz()));
    this.framePower = new double[size / 2 + 1];
    this.powerSum = new double[size / 2 + 1];
    double hiHz = Math.min(NOISE_BAND_HIGH_HZ, 0.9 * sampleRateHz / 2);
    bandLo = new int[NOISE_BANDS];
    bandHi = new int[NOISE_BANDS];
    for (int b = 0; b < NOISE_BANDS; b++) {
      double f0 = NOISE_BAND_LOW_HZ * Math.pow(hiHz / NOISE_BAND_LOW_HZ, (double) b / NOISE_BANDS);
      double f1 =
          NOISE_BAND_LOW_HZ * Math.pow(hiHz / NOISE_BAND_LOW_HZ, (double) (b + 1) / NOISE_BANDS);
      bandLo[b] = (int) Math.round(f0 / binHz());
      bandHi[b] = Math.max(bandLo[b] + 1, (int) Math.round(f1 / binHz()));
    }
    this.bandHist = new int[NOISE_BANDS][HIST_BINS];
    this.cutoffFrames = new CutoffFrames(binHz(), sampleRateHz);
  }

  void accept(float[][] block, int n) {
    int i = 0;
    while (i < n) {
      if (toSkip > 0) {
        int s = (int) Math.min(toSkip, n - i);
        toSkip -= s;
        i += s;
        continue;
      }
      int take = Math.min(fftSize - filled, n - i);
      for (int c = 0; c < channels; c++) {
        System.arraycopy(block[c], i, frame[c], filled, take);
      }
      filled += take;
      i += take;
      if (filled == fftSize) {
        analyseFrame();
        filled = 0;
        toSkip = (long) (HOP_FRAMES_PER_FFT - 1) * fftSize;
      }
    }
  }

  private void analyseFrame() {
    float peak = 0;
    for (float[] ch : frame) {
      for (float v : ch) {
        peak = Math.max(peak, Math.abs(v));
      }
    }
    if (peak <= silentPeak) {
      return;
    }
    java.util.Arrays.fill(framePower, 0);
    int half = fftSize / 2;
    for (int c = 0; c < channels; c++) {
      float[] ch = frame[c];
      float[] spec = c == 0 ? first : scratch;
      for (int j = 0; j < fftSize; j++) {
        spec[j] = ch[j] * window[j];
      }
      fft.forward(spec);
      framePower[0] += (double) spec[0] * spec[0];
      framePower[half] += (double) spec[1] * spec[1];
      for (int k = 1; k < half; k++) {
        double re = spec[2 * k];
        double im = spec[2 * k + 1];
        framePower[k] += re * re + im * im;
      }
      if (c == 1) {
        for (int k = lowLo; k < lowHi; k++) {
          double lr = first[2 * k];
          double li = first[2 * k + 1];
          double rr = spec[2 * k];
          double ri = spec[2 * k + 1];
          lowCross += lr * rr + li * ri;
          lowLeft += lr * lr + li * li;
          lowRight += rr * rr + ri * ri;
        }
      }
    }
    for (int k = 0; k < framePower.length; k++) {
      powerSum[k] += framePower[k];
    }
    cutoffFrames.accept(framePower);
    double norm = windowPower * channels;
    for (int b = 0; b < NOISE_BANDS; b++) {
      double s = 0;
      for (int k = bandLo[b]; k < bandHi[b]; k++) {
        s += framePower[k];
      }
      double db = Units.powerDb(s / (bandHi[b] - bandLo[b]) / norm);
      int h = (int) ((db - HIST_MIN_DB) / HIST_STEP_DB);
      bandHist[b][Math.max(0, Math.min(HIST_BINS - 1, h))]++;
    }
    frames++;
  }

  /** Correlation of channels 0 and 1 in the low band (40-250 Hz); NaN for mono or silence. */
  double lowBandCorrelation() {
    if (!(lowLeft > 0 && lowRight > 0)) {
      return Double.NaN;
    }
    return lowCross / Math.sqrt(lowLeft * lowRight);
  }

  /** The analysed frames' band levels around a cut-off, frame by frame. */
  CutoffFrames cutoffFrames() {
    return cutoffFrames;
  }

  /** Frames analysed (not counting silent ones). */
  int frames() {
    return frames;
  }

  double binHz() {
    return (double) sampleRateHz / fftSize;
  }

  int sampleRateHz() {
    return sampleRateHz;
  }

  /**
   * Long-term level per bin (0..size/2), dBFS white-noise equivalent; empty if nothing analysed.
   */
  double[] levelsDb() {
    if (frames == 0) {
      return new double[0];
    }
    double[] db = new double[powerSum.length];
    double norm = frames * windowPower * channels;
    for (int k = 0; k < db.length; k++) {
      db[k] = Math.max(HIST_MIN_DB, Units.powerDb(powerSum[k] / norm));
    }
    return db;
  }

  /**
   * Per noise band, the level (dBFS white-noise equivalent) that {@code fraction} of frames stay
   * below.
   */
  double[] bandPercentilesDb(double fraction) {
    double[] out = new double[NOISE_BANDS];
    for (int b = 0; b < NOISE_BANDS; b++) {
      long need = (long) Math.ceil(fraction * frames);
      long seen = 0;
      int h = 0;
      for (; h < HIST_BINS; h++) {
        seen += bandHist[b][h];
        if (seen >= Math.max(1, need)) {
          break;
        }
      }
      out[b] = HIST_MIN_DB + (h + 0.5) * HIST_STEP_DB;
    }
    return out;
  }
}
