package com.audiostems.workflows.metadata;

import com.audiostems.workflows.media.EncodedOutput;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Tags on the audio-cpu queue: reading the source's; the descriptive ones are written by the encode
 * lanes, the analysis (BPM, key) once it is known.
 */
@ActivityInterface
public interface MetadataActivities {

  /** Reads title, artist, ISRC... artwork (stored by key), BWF bext and iXML. */
  @ActivityMethod
  TrackMetadata readMetadata(ReadMetadataRequest request);

  /**
   * Writes the analysis into stored outputs (ID3 TBPM/TKEY, MP4 tmpo and initialkey, Vorbis
   * BPM/INITIALKEY) and stores them again under the same keys, before anything is published.
   *
   * @return the outputs with their new sizes and SHA-256s, in the request's order
   */
  @ActivityMethod
  List<EncodedOutput> writeAnalysisTags(AnalysisTagsRequest request);
}
