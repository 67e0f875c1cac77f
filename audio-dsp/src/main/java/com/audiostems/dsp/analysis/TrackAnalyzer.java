package com.audiostems.dsp.analysis;

import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.quality.QualityChecker;
import com.audiostems.dsp.quality.QualityReport;
import com.audiostems.dsp.quality.Tier;
import com.audiostems.dsp.quality.summary.QualitySummaries;
import com.audiostems.dsp.rhythm.RhythmAnalysis;
import com.audiostems.dsp.rhythm.RhythmAnalyzer;
import com.audiostems.dsp.signal.AnalysisRateStream;
import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.spectral.SpectralAnalyzer;
import com.audiostems.dsp.spectral.SpectralFrames;
import com.audiostems.dsp.spectral.SpectralSummary;
import com.audiostems.dsp.structure.StructureAnalysis;
import com.audiostems.dsp.structure.StructureAnalyzer;
import com.audiostems.dsp.tonal.KeyAnalyzer;
import com.audiostems.dsp.tonal.KeyEstimate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every analysis of one track from one decode pass. Blocks of the source (all channels, its own
 * rate) stream in through {@link #accept}: the loudness meter consumes them as they come (it needs
 * every channel at the source rate, for the channel weights and the true peak), and the mono mix is
 * brought to the analysis rate (22.05/24 kHz) as it comes and kept there for the analysers that
 * need the whole signal (never held at the source rate: that array and its growth were most of the
 * engine's garbage). {@link #finish} computes the one shared spectrogram (2048-point frames, hop
 * 512: ≈ 23 ms) for timbre and structure, and runs rhythm and key on the mix.
 *
 * <p>Not thread-safe: one track, one thread, as the pipeline runs one analysis per core.
 */
public final class TrackAnalyzer {
  /**
   * Bumped whenever an analyser changes what it reports, so that stored reports can be told apart.
   */
  public static final String ENGINE = "audiostems-dsp/2";

  /** The shared spectrogram's frame: 93 ms at 22.05 kHz, 43 Hz... fine enough for timbre. */
  static final int FRAME_SAMPLES = 2048;

  /** The shared spectrogram's hop: 23 ms at 22.05 kHz, librosa's default resolution. */
  static final int HOP_SAMPLES = 512;

  private final int sampleRateHz;
  private final int channels;
  private final int declaredBitDepth;
  private final Tier.Properties nominal;
  private final LoudnessMeter loudness;
  private final QualityChecker quality;
  private final QualitySummaries summaries;
  private final AnalysisRateStream analysisRate;
  private float[] mix = new float[0];
  private long frames;
  private long loudnessNanos;
  private long qualityNanos;
  private long analysisRateNanos;

  /**
   * A track whose header's bit depth is unknown, of unknown length (quality summaries sized for 5
   * minutes).
   */
  public TrackAnalyzer(int sampleRateHz, int channels) {
    this(sampleRateHz, channels, 0, 300L * sampleRateHz);
  }

  /**
   * @param declaredBitDepth the header's bits per sample (16, 24; 32 for float; 0 if unknown),
   *     which the quality checks hold against the bits the samples really use
   * @param expectedFrames about how many frames will come (the probe's duration): the waveform and
   *     spectrogram summaries divide the time axis by it
   */
  public TrackAnalyzer(int sampleRateHz, int channels, int declaredBitDepth, long expectedFrames) {
    this(sampleRateHz, channels, declaredBitDepth, expectedFrames, null);
  }

  /**
   * @param nominal the source's header properties (lossless or lossy at its bit rate, DSD) on which
   *     the quality report judges the tiers, as the samples bear them out; null for lossless PCM
   */
  public TrackAnalyzer(
      int sampleRateHz,
      int channels,
      int declaredBitDepth,
      long expectedFrames,
      Tier.Properties nominal) {
    if (sampleRateHz <= 0 || channels <= 0) {
      throw new IllegalArgumentException("rate " + sampleRateHz + " Hz, " + channels + " channels");
    }
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    this.declaredBitDepth = declaredBitDepth;
    this.nominal = nominal;
    this.loudness = new LoudnessMeter(sampleRateHz, channels);
    this.quality = new QualityChecker(sampleRateHz, channels);
    this.summaries = new QualitySummaries(channels, sampleRateHz, Math.max(1, expectedFrames));
    this.analysisRate = new AnalysisRateStream(sampleRateHz, expectedFrames);
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    if (block.length != channels) {
      throw new IllegalArgumentException("expected " + channels + " channels, got " + block.length);
    }
    long t0 = System.nanoTime();
    loudness.accept(block, frames);
    long t1 = System.nanoTime();
    loudnessNanos += t1 - t0;
    quality.accept(block, frames);
    summaries.accept(block, frames);
    long t2 = System.nanoTime();
    qualityNanos += t2 - t1;
    if (mix.length < frames) {
      mix = new float[frames];
    }
    Downmix.mixInto(block, frames, mix, 0);
    analysisRate.accept(mix, 0, frames);
    analysisRateNanos += System.nanoTime() - t2;
    this.frames += frames;
  }

  /** Runs the whole-signal analysers and returns everything found. */
  public TrackAnalysisReport finish() {
    Map<String, Double> millis = new LinkedHashMap<>();
    LoudnessMeasurement loudnessResult = timed(millis, "loudness (result)", loudness::result);
    millis.put("loudness (streaming)", loudnessNanos / 1e6);
    QualityReport qualityResult =
        timed(
            millis,
            "quality (result)",
            () -> quality.finish(loudnessResult, declaredBitDepth, sampleRateHz, nominal));
    millis.put("quality and its picture summaries (streaming)", qualityNanos / 1e6);
    MonoSignal analysisRate = timed(millis, "downmix to analysis rate", this.analysisRate::finish);
    millis.merge("downmix to analysis rate", analysisRateNanos / 1e6, Double::sum);
    // The shared spectrogram, frame by frame into the timbre features (never held whole).
    SpectralFrames spectralFrames =
        timed(
            millis,
            "spectrogram and timbre",
            () -> SpectralAnalyzer.frames(analysisRate, FRAME_SAMPLES, HOP_SAMPLES));
    SpectralSummary timbre = SpectralAnalyzer.summarize(spectralFrames);
    RhythmAnalysis rhythm = timed(millis, "rhythm", () -> RhythmAnalyzer.analyze(analysisRate));
    KeyEstimate key = timed(millis, "key", () -> KeyAnalyzer.analyze(analysisRate));
    StructureAnalysis structure =
        timed(
            millis,
            "structure",
            () ->
                StructureAnalyzer.analyze(
                    spectralFrames,
                    loudnessResult.shortTermLoudnessPerSecondLufs(),
                    rhythm.beatTimesSeconds().length >= 8 ? rhythm.beatTimesSeconds() : null));
    return new TrackAnalysisReport(
        ENGINE,
        (double) frames / sampleRateHz,
        sampleRateHz,
        channels,
        analysisRate.sampleRateHz(),
        loudnessResult,
        rhythm,
        key,
        timbre,
        structure,
        qualityResult,
        millis);
  }

  /** The summaries of the track's waveform and spectrogram, for the quality report's pictures. */
  public QualitySummaries qualitySummaries() {
    return summaries;
  }

  private static <T> T timed(Map<String, Double> millis, String name, Supplier<T> analysis) {
    long t0 = System.nanoTime();
    T result = analysis.get();
    millis.put(name, (System.nanoTime() - t0) / 1e6);
    return result;
  }
}
