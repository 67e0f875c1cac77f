package com.audiostems.workflows.storage;

/** An object written to the blob store. */
public record StoredObject(String key, long bytes, String sha256) {}
