package com.audiostems.workflows.media;

/**
 * A source that passed validation.
 *
 * @param probe what ffprobe said
 * @param tier the product tier this source qualifies for
 * @param decodedDurationSeconds duration measured by decoding every sample
 */
public record ValidatedSource(SourceProbe probe, QualityTier tier, double decodedDurationSeconds) {}
