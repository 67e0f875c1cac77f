package com.audiostems.gateway.support;

import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;

/** Every source has the same plain tags and no artwork. */
public final class FakeMetadataActivities implements MetadataActivities {

  @Override
  public TrackMetadata readMetadata(ReadMetadataRequest request) {
    return new TrackMetadata("My Song", "Composer", null, null, null, null, null, "2026", null, null, null, null);
  }
}
