package com.audiostems.dsp.quality;

/**
 * One technical-quality finding on a source.
 *
 * @param code stable identifier, e.g. "lossy-transcode", "clipping", "dc-offset"
 * @param severity how much it matters
 * @param measured the measured value, in {@code unit}
 * @param threshold the value the check compares it with, in {@code unit}
 * @param unit e.g. "Hz", "bits", "dBFS", "LU", "samples", "s", "%" or "" for a ratio
 * @param startSeconds where it starts in the file; 0 for a whole-file finding
 * @param endSeconds where it ends; the duration for a whole-file finding
 * @param message a sentence a composer understands: what was found, and what to do about it
 */
public record Finding(
    String code,
    Severity severity,
    double measured,
    double threshold,
    String unit,
    double startSeconds,
    double endSeconds,
    String message) {}
