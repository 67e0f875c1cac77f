package com.audiostems.workflows.media;

import java.util.List;

/** Decode every output and compare it with the source. */
public record VerifyRequest(String trackId, String sourceKey, SourceProbe source, List<EncodedOutput> outputs) {}
