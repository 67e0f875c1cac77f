package com.audiostems.workflows.metadata;

/** Cover art extracted from the source and stored by key (no image bytes in payloads). */
public record ArtworkRef(String key, String mimeType, long bytes) {}
