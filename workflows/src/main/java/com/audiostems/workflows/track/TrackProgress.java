package com.audiostems.workflows.track;

import java.util.List;

/**
 * What the progress query answers.
 *
 * @param version the published output version (0 before the first publication)
 * @param failure why the track (or its last re-process) failed; null otherwise
 * @param analysis the analysis, which runs beside encoding: "pending", "analysing", "done" or
 *     "failed"
 */
public record TrackProgress(
    String trackId, TrackStage stage, int version, List<OutputProgress> outputs, String failure, String analysis) {}
