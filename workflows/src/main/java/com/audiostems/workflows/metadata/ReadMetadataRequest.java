package com.audiostems.workflows.metadata;

import com.audiostems.workflows.media.SourceProbe;

/** Read the tags, bext and iXML of the source; artwork goes to {@code artworkKeyPrefix}. */
public record ReadMetadataRequest(String trackId, String sourceKey, SourceProbe probe) {}
