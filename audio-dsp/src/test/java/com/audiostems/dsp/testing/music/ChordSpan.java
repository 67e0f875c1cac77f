package com.audiostems.dsp.testing.music;

/**
 * A chord as played, for chord-recognition and key tests.
 *
 * @param startSeconds bar line where it starts
 * @param endSeconds where the next chord starts (or the end of the audio)
 * @param rootPitchClass 0 = C ... 11 = B
 * @param quality "maj", "min", "dim", "aug", "7", "maj7", "m7", "m7b5" or "dim7"
 * @param romanNumeral the chord's function in the key, e.g. "V7" or "VI"
 * @param pitchClasses the pitch classes sounded
 */
public record ChordSpan(
    double startSeconds,
    double endSeconds,
    int rootPitchClass,
    String quality,
    String romanNumeral,
    int[] pitchClasses) {}
