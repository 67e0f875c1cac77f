package com.audiostems.gateway.support;

import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import java.util.List;

/** Every source has the same plain tags and no artwork. */
public final class FakeMetadataActivities implements MetadataActivities {

  @Override
  public TrackMetadata readMetadata(ReadMetadataRequest request) {
    return new TrackMetadata(
        "My Song", "Composer", null, null, null, null, null, "2026", null, null, null, null);
  }

  /** The fake analysis finds no tempo or key, so the workflow asks for no tags. */
  @Override
  public List<EncodedOutput> writeAnalysisTags(AnalysisTagsRequest request) {
    throw new IllegalStateException(
        "no analysis tags were expected: the fake analysis reports none");
  }
}
