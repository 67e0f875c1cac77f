package com.audiostems.workflows.track;

import com.audiostems.workflows.storage.TrackManifest;

/** The published track: its manifest and where it is stored. */
public record TrackIngestResult(String trackId, String manifestKey, TrackManifest manifest) {}
