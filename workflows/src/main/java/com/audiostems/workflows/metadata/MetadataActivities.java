package com.audiostems.workflows.metadata;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tag reading on the audio-cpu queue (tags are written by the encode lanes, into each output). */
@ActivityInterface
public interface MetadataActivities {

  /** Reads title, artist, ISRC... artwork (stored by key), BWF bext and iXML. */
  @ActivityMethod
  TrackMetadata readMetadata(ReadMetadataRequest request);
}
