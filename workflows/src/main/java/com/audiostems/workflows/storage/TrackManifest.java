package com.audiostems.workflows.storage;

import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.metadata.TrackMetadata;
import java.util.List;
import java.util.Map;

/**
 * The published description of a track: {@code tracks/<id>/manifest.json}.
 *
 * @param version the output version this manifest publishes; outputs live under {@code v<version>/}
 *     unless an output was kept from an earlier version by a partial re-process
 * @param stageMillis wall time of each stage in milliseconds, in stage order
 * @param analysis tempo, key, loudness and features of the source, and the key of its full
 *     {@code analysis.json}
 * @param quality the technical checks of the source: findings, tiers, score and the report's keys
 * @param preview the preview's protection state
 */
public record TrackManifest(
    int schemaVersion,
    String trackId,
    int version,
    String workflowId,
    String runId,
    String createdAt,
    Source source,
    TrackMetadata metadata,
    List<EncodedOutput> outputs,
    List<AbsentOutput> absentOutputs,
    VerificationReport verification,
    TrackAnalysis analysis,
    TrackQuality quality,
    Preview preview,
    Map<String, Long> stageMillis) {

  public static final int SCHEMA_VERSION = 2;

  /**
   * The source as received and as validation decoded it.
   *
   * @param decodedFrames sample frames decoded
   * @param pcmDigest MurmurHash3 of the decoded samples as s32le: what lossless outputs must match
   */
  public record Source(
      String key,
      String originalFileName,
      SourceProbe probe,
      QualityTier tier,
      double decodedDurationSeconds,
      long decodedFrames,
      String pcmDigest) {}

  /**
   * Whether the preview carries an invisible watermark, and its payload (32 hex digits, see
   * PreviewPayloads; resolved to the track by the registry object {@code watermarks/<payloadId>.json}).
   */
  public record Preview(boolean watermarked, String payloadId) {}
}
