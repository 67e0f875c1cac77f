package com.audiostems.dsp.analysis;

import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.quality.QualityReport;
import com.audiostems.dsp.rhythm.RhythmAnalysis;
import com.audiostems.dsp.spectral.SpectralSummary;
import com.audiostems.dsp.structure.StructureAnalysis;
import com.audiostems.dsp.tonal.KeyEstimate;
import java.util.Map;

/**
 * Everything the analysers found in one track: what {@code analysis.json} holds.
 *
 * @param engine the analysis engine's version ({@link TrackAnalyzer#ENGINE})
 * @param durationSeconds length of the audio analysed
 * @param sampleRateHz the rate it was decoded at
 * @param analysisRateHz the rate of the mono mix the whole-signal analysers ran on
 * @param loudness EBU R128 / BS.1770-4 figures and series, from every channel at the source rate
 * @param rhythm tempo, beats, downbeats, metre, tempo curve, onset rate, pulse clarity
 * @param key key, mode, runner-up, tuning and chroma
 * @param timbre spectral features summarised over the track
 * @param structure the energy curve and the sections
 * @param quality the technical checks: findings, effective properties, tiers, score
 * @param analyserMillis wall time of each analyser, for the benchmark and for operators
 */
public record TrackAnalysisReport(
    String engine,
    double durationSeconds,
    int sampleRateHz,
    int channels,
    int analysisRateHz,
    LoudnessMeasurement loudness,
    RhythmAnalysis rhythm,
    KeyEstimate key,
    SpectralSummary timbre,
    StructureAnalysis structure,
    QualityReport quality,
    Map<String, Double> analyserMillis) {}
