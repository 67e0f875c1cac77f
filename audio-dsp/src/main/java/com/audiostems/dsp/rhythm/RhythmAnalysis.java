package com.audiostems.dsp.rhythm;

/**
 * Everything the rhythm analysis says about a track. Times are seconds from the start of the
 * signal; tempi are beats per minute.
 *
 * @param tempo the global tempo with its confidence and half/double (and ×3/×⅓) alternatives
 * @param tempoBpm {@code tempo.bpm()}: the beat's tempo, BPM (0 when no pulse was found)
 * @param beatTimesSeconds the beats, ascending
 * @param downbeatTimesSeconds the first beat of each bar (empty when the metre is unknown)
 * @param beatsPerBar 3 or 4, or {@link Metre#UNKNOWN} (0) when the evidence is too weak
 * @param metreConfidence 0–1, see {@link Metre#confidence()}
 * @param tempoCurveTimesSeconds the times of {@code tempoCurveBpm}, one a second
 * @param tempoCurveBpm the local tempo at those times, BPM
 * @param tempoVariationPercent spread of the tempo curve, see {@link TempoCurve}
 * @param tempoVaries true when the tempo drifts or changes noticeably (variation above 6%)
 * @param onsetRatePerSecond onsets per second (note and drum attacks), over the whole track
 * @param pulseClarity 0–1: the onset envelope's autocorrelation at the beat period, normalised by
 *     its energy (1 = every beat alike and nothing else, 0 = no periodicity at the beat)
 * @param tempoLevels the ×¼ … ×3 readings of {@code tempo} with their features (the input of the
 *     first tempo model, tempo-octave-v1; the current one reads {@code tempogram}): measured only
 *     by {@link RhythmAnalyzer#analyzeWithTempoLevels}, for the feature dumps; none otherwise
 * @param tempogram the onset envelopes' periodicity at every tempo of a log grid, the tempo model's
 *     input
 */
public record RhythmAnalysis(
    TempoEstimate tempo,
    double tempoBpm,
    double[] beatTimesSeconds,
    double[] downbeatTimesSeconds,
    int beatsPerBar,
    double metreConfidence,
    double[] tempoCurveTimesSeconds,
    double[] tempoCurveBpm,
    double tempoVariationPercent,
    boolean tempoVaries,
    double onsetRatePerSecond,
    double pulseClarity,
    TempoLevels tempoLevels,
    Tempogram tempogram) {}
