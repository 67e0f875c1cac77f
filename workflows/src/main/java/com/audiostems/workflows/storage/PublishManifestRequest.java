package com.audiostems.workflows.storage;

/** Write the manifest of a track under its manifest key. */
public record PublishManifestRequest(String trackId, TrackManifest manifest) {}
