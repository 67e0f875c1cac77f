package com.audiostems.dsp.analysis;

import com.audiostems.dsp.tonal.KeyEstimate;
import java.util.Map;

/**
 * Everything the analysers found in one track: what {@code analysis.json} holds.
 *
 * @param engine the analysis engine's version ({@link TrackAnalyzer#ENGINE})
 * @param durationSeconds length of the audio analysed
 * @param sampleRateHz the rate it was decoded at
 * @param analysisRateHz the rate of the mono mix the whole-signal analysers ran on
 * @param analyserMillis wall time of each analyser, for the benchmark and for operators
 */
public record TrackAnalysisReport(
    String engine,
    double durationSeconds,
    int sampleRateHz,
    int channels,
    int analysisRateHz,
    KeyEstimate key,
    Map<String, Double> analyserMillis) {}
