package com.audiostems.workflows.media;

import java.util.List;

/**
 * Decode the outputs and compare them with the validated source (its decoded length and PCM
 * digest: the source itself is not read again).
 */
public record VerifyRequest(String trackId, ValidatedSource source, List<EncodedOutput> outputs) {}
