package com.audiostems.dsp.rhythm;

/**
 * What the onset stage hands to the rest of the rhythm analysis, all on the same frame grid.
 *
 * @param broadband onset strength summed over all bands (the beat tracker's input)
 * @param lowBand onset strength of the bands below {@link OnsetStrength#LOW_BAND_TOP_HZ} (kick drum
 *     and bass notes: the accents that mark bars)
 * @param accent the sum of the low, middle and high bands' onset strengths, each divided by its
 *     mean and the high one weighted by {@link OnsetStrength#HIGH_BAND_WEIGHT}: a kick, a snare and
 *     a chord count alike whatever the mix, and hi-hats count less (they mark subdivisions more
 *     often than beats). Used to judge metrical levels.
 * @param bandLevels per frame, the log-compressed level of each band (used to see chord and bass
 *     changes between beats); {@code bandLevels[frame][band]}
 */
public record OnsetFeatures(
    OnsetEnvelope broadband, OnsetEnvelope lowBand, OnsetEnvelope accent, float[][] bandLevels) {}
