package com.audiostems.workflows.trace;

/**
 * Trace a file found in the wild (a claim check: the audio stays in the store).
 *
 * @param queryId unique id of this trace (its identification runs under it)
 * @param sourceKey blob-store key of the found file
 * @param deleteSource whether the file is the trace's own upload, deleted once answered
 */
public record TraceRequest(String queryId, String sourceKey, boolean deleteSource) {}
