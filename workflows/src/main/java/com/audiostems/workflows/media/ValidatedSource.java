package com.audiostems.workflows.media;

/**
 * A source that passed validation.
 *
 * @param probe what ffprobe said
 * @param tier the product tier this source qualifies for
 * @param decodedDurationSeconds duration measured by decoding every sample
 * @param decodedFrames sample frames decoded, at {@code probe.sampleRateHz()}
 * @param pcmDigest MurmurHash3 (128-bit, hex) of the decoded samples as interleaved 32-bit
 *     little-endian integers ({@code s32le}), taken during the full decode: lossless outputs are
 *     verified against it without decoding the source again
 */
public record ValidatedSource(
    SourceProbe probe,
    QualityTier tier,
    double decodedDurationSeconds,
    long decodedFrames,
    String pcmDigest) {}
