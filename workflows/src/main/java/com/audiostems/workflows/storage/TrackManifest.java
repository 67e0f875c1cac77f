package com.audiostems.workflows.storage;

import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.quality.TrackQuality;
import java.util.List;
import java.util.Map;

/**
 * The published description of a track: {@code tracks/<id>/manifest.json}.
 *
 * @param version the output version this manifest publishes; outputs live under {@code v<version>/}
 *     unless an output was kept from an earlier version by a partial re-process
 * @param stageMillis wall time of each stage in milliseconds, in stage order
 * @param analysis tempo, key, loudness and features of the source, and the key of its full {@code
 *     analysis.json}
 * @param quality the technical checks of the source: findings, tiers, score and the report's keys
 * @param preview the preview's protection state
 * @param identification what the fingerprint catalogue said of the source: duplicates, reference
 *     matches and their review
 * @param hls the preview's adaptive-streaming ladder (HLS, AAC-LC 64/128/192k, from the marked
 *     preview's samples); null when none was made (no preview, or published before the ladder
 *     existed)
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
    Identification identification,
    Map<String, Long> stageMillis,
    HlsLadder hls) {

  /** 4: the {@code hls} section. */
  public static final int SCHEMA_VERSION = 4;

  /** A manifest without an HLS ladder. */
  public TrackManifest(
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
      Identification identification,
      Map<String, Long> stageMillis) {
    this(
        schemaVersion,
        trackId,
        version,
        workflowId,
        runId,
        createdAt,
        source,
        metadata,
        outputs,
        absentOutputs,
        verification,
        analysis,
        quality,
        preview,
        identification,
        stageMillis,
        null);
  }

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
   * The source's identification against the catalogue at ingest.
   *
   * @param fingerprintKey where the source's fingerprint is stored (the catalogue indexes it)
   * @param hashesPerSecond the fingerprint's density
   * @param alternateOf the published track this one is an alternate version of, when it matched one
   *     and the duplicate policy links; null otherwise
   * @param duplicates matches among the catalogue's published tracks
   * @param references matches among third-party reference works
   * @param review the decision on a reference match; null when there was nothing to review
   * @param fingerprintSkipped why the source was not fingerprinted (audio under a second: a
   *     one-shot), so not checked against the catalogue; null when it was
   */
  public record Identification(
      String fingerprintKey,
      double hashesPerSecond,
      String alternateOf,
      List<CatalogueMatch> duplicates,
      List<CatalogueMatch> references,
      Review review,
      String fingerprintSkipped) {}

  /**
   * How a reference match was decided.
   *
   * @param approved whether the track was published
   * @param reviewer the operator, or "timeout" when the review timed out
   * @param note the operator's note, or the timeout policy
   * @param decidedAt ISO-8601 instant
   */
  public record Review(boolean approved, String reviewer, String note, String decidedAt) {}

  /**
   * Whether the preview carries an invisible watermark, and its payload (32 hex digits, see
   * PreviewPayloads; resolved to the track by the registry object {@code
   * watermarks/<payloadId>.json}).
   */
  public record Preview(boolean watermarked, String payloadId) {}
}
