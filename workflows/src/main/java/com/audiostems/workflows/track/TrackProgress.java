package com.audiostems.workflows.track;

import java.util.List;

/** What the progress query answers. {@code failure} is null unless the track failed. */
public record TrackProgress(String trackId, TrackStage stage, List<OutputProgress> outputs, String failure) {}
