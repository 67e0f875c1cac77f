package com.audiostems.dsp.rhythm;

/**
 * One metrical level considered for the beat.
 *
 * @param bpm its tempo, beats per minute
 * @param score how well it works as the beat, 0–1, relative to the other levels of the same
 *     estimate (the scores of an estimate's candidates sum to 1)
 */
public record TempoCandidate(double bpm, double score) {}
