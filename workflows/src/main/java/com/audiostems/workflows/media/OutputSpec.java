package com.audiostems.workflows.media;

/**
 * One output to encode, fully decided by {@link OutputPlanner}.
 *
 * @param format the delivery format
 * @param key where the encoded file is stored
 * @param sampleRateHz target sample rate (resampled with soxr when it differs from the source)
 * @param bitDepth target bit depth for lossless outputs; 0 for lossy ones
 * @param channels target channel count
 * @param bitRateKbps target bit rate for lossy outputs; 0 for lossless ones
 */
public record OutputSpec(
    OutputFormat format,
    String key,
    int sampleRateHz,
    int bitDepth,
    int channels,
    int bitRateKbps) {}
