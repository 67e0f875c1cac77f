package com.audiostems.dsp.analysis;

import com.audiostems.dsp.signal.Decimation;
import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.tonal.KeyAnalyzer;
import com.audiostems.dsp.tonal.KeyEstimate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every analysis of one track from one decode pass. Blocks of the source (all channels, its own
 * rate) stream in through {@link #accept}; the streaming analysers consume them as they come, and
 * the mono mix is kept for the analysers that need the whole signal (tempo, key, timbre,
 * structure), which run in {@link #finish} on the mix reduced to the analysis rate.
 *
 * <p>Not thread-safe: one track, one thread, as the pipeline runs one analysis per core.
 */
public final class TrackAnalyzer {
  /** Bumped whenever an analyser changes what it reports, so that stored reports can be told apart. */
  public static final String ENGINE = "audiostems-dsp/1";

  private final int sampleRateHz;
  private final int channels;
  private final MonoAccumulator mono = new MonoAccumulator();
  private long frames;

  public TrackAnalyzer(int sampleRateHz, int channels) {
    if (sampleRateHz <= 0 || channels <= 0) {
      throw new IllegalArgumentException("rate " + sampleRateHz + " Hz, " + channels + " channels");
    }
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    if (block.length != channels) {
      throw new IllegalArgumentException("expected " + channels + " channels, got " + block.length);
    }
    mono.accept(block, frames);
    this.frames += frames;
  }

  /** Runs the whole-signal analysers and returns everything found. */
  public TrackAnalysisReport finish() {
    Map<String, Double> millis = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    MonoSignal analysisRate = Decimation.toAnalysisRate(mono.samples(), sampleRateHz);
    millis.put("downmixAndDecimation", (System.nanoTime() - t0) / 1e6);

    long t1 = System.nanoTime();
    KeyEstimate key = KeyAnalyzer.analyze(analysisRate);
    millis.put("key", (System.nanoTime() - t1) / 1e6);

    return new TrackAnalysisReport(
        ENGINE, (double) frames / sampleRateHz, sampleRateHz, channels, analysisRate.sampleRateHz(), key, millis);
  }
}
