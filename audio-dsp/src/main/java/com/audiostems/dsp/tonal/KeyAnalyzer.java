package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.MonoSignal;

/**
 * Key and mode of a recording: tuning-corrected, overtone-reduced chroma (HPCP-like) matched
 * against major and minor key profiles.
 *
 * <p>Steps: spectral peaks of 0.7 s frames of the signal decimated to 5.5–6 kHz ({@link
 * PeakSpectrogram}); overtones of lower peaks taken out ({@link HarmonicSieve}); the reference
 * pitch estimated from the remaining peaks ({@link TuningEstimator}); peaks folded into 12 pitch
 * classes against the tuned grid, each frame scaled to a maximum of 1 so that loud passages do not
 * outvote quiet ones ({@link ChromaMapper}); the frames averaged; the average correlated with the
 * 24 rotated key profiles ({@link KeyMatcher}).
 *
 * <p>Thread-safe; single-threaded per call.
 */
public final class KeyAnalyzer {

  private static final KeyAnalyzer DEFAULT = new KeyAnalyzer(KeySettings.defaults());

  private final KeySettings settings;
  private final KeyMatcher matcher;

  KeyAnalyzer(KeySettings settings) {
    this.settings = settings;
    this.matcher =
        new KeyMatcher(
            settings.major(),
            settings.minor(),
            settings.chromaCompression(),
            settings.softmaxTemperature());
  }

  /**
   * The key of {@code analysisRateMono} (mono at the analysis rate, 22.05 or 24 kHz, as from {@link
   * com.audiostems.dsp.signal.Resampler#toAnalysisRate}; other rates work too).
   */
  public static KeyEstimate analyze(MonoSignal analysisRateMono) {
    return DEFAULT.estimate(analysisRateMono);
  }

  /** The tuning-corrected chroma over time that {@link #analyze} matches against the keys. */
  public static Chromagram chromagram(MonoSignal analysisRateMono) {
    return DEFAULT.chroma(analysisRateMono);
  }

  KeyEstimate estimate(MonoSignal signal) {
    return estimate(chroma(signal));
  }

  KeyEstimate estimate(Chromagram chromagram) {
    float[] chroma = chromagram.trackChroma();
    return matcher.estimate(matcher.correlations(chroma), chromagram.tuningOffsetCents(), chroma);
  }

  Chromagram chroma(MonoSignal signal) {
    PeakSpectrogram spectrogram = PeakSpectrogram.of(signal);
    SpectralPeaks[] frames = spectrogram.frames();
    HarmonicSieve sieve = new HarmonicSieve(settings.harmonicRolloff());
    float[][] residuals = new float[frames.length][];
    float[] frameMax = new float[frames.length];
    TuningEstimator tuning = new TuningEstimator();
    double tuningFloor = Math.pow(10, -settings.tuningTopDb() / 20);
    for (int f = 0; f < frames.length; f++) {
      float[] r = sieve.residuals(frames[f]);
      residuals[f] = r;
      float max = 0;
      for (float v : r) {
        max = Math.max(max, v);
      }
      frameMax[f] = max;
      float[] hz = frames[f].frequenciesHz();
      for (int p = 0; p < r.length; p++) {
        double rel = r[p] / max;
        if (rel >= tuningFloor) {
          tuning.add(hz[p], rel);
        }
      }
    }
    double offset = tuning.offsetCents();
    ChromaMapper mapper = new ChromaMapper(offset);
    float[][] perFrame = new float[frames.length][];
    double[] sum = new double[12];
    for (int f = 0; f < frames.length; f++) {
      float[] chroma = new float[12];
      float[] r = residuals[f];
      float[] hz = frames[f].frequenciesHz();
      for (int p = 0; p < r.length; p++) {
        if (r[p] > 0) {
          mapper.add(hz[p], Math.pow(r[p] / frameMax[f], settings.weightExponent()), chroma);
        }
      }
      normaliseToMax(chroma);
      perFrame[f] = chroma;
      for (int i = 0; i < 12; i++) {
        sum[i] += chroma[i];
      }
    }
    float[] track = new float[12];
    for (int i = 0; i < 12; i++) {
      track[i] = (float) sum[i];
    }
    normaliseToMax(track);
    return new Chromagram(
        perFrame, spectrogram.frameRateHz(), 1 / spectrogram.frameRateHz() * 2, offset, track);
  }

  private static void normaliseToMax(float[] v) {
    float max = 0;
    for (float x : v) {
      max = Math.max(max, x);
    }
    if (max > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= max;
      }
    }
  }
}
