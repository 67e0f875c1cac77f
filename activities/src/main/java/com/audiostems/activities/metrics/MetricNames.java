package com.audiostems.activities.metrics;

import java.util.List;

/**
 * The pipeline's instruments, as Micrometer names them; Prometheus writes dots as underscores and
 * adds the unit and {@code _total} to counters (the README's Metrics section lists both forms).
 */
public final class MetricNames {
  private MetricNames() {}

  /** Track journeys started (first versions only), from the workflow's replay-safe scope. */
  public static final String TRACKS_STARTED = "audiostems.tracks.started";

  /** Journeys rejected because of the file, tagged {@code reason} (the typed failure). */
  public static final String TRACKS_REJECTED = "audiostems.tracks.rejected";

  /** Journeys that failed for any other reason, tagged {@code reason}. */
  public static final String TRACKS_FAILED = "audiostems.tracks.failed";

  /** Journeys cancelled before publishing. */
  public static final String TRACKS_CANCELLED = "audiostems.tracks.cancelled";

  /** First manifests written: a track became readable. */
  public static final String TRACKS_PUBLISHED = "audiostems.tracks.published";

  /** Every activity execution's wall time, tagged {@code stage} (its type) and {@code outcome}. */
  public static final String STAGE_DURATION = "audiostems.stage.duration";

  /**
   * CPU seconds per stage, tagged {@code stage} and {@code source}: {@code jvm} (the activity's
   * thread and its helpers) or {@code ffmpeg} (child processes).
   */
  public static final String STAGE_CPU = "audiostems.stage.cpu";

  /**
   * An encode lane's wall time, tagged {@code formats} (its outputs, e.g. FLAC or FLAC+MP3_320).
   */
  public static final String ENCODE_DURATION = "audiostems.encode.duration";

  /** An encode lane's CPU seconds (JVM and ffmpeg), tagged {@code formats}. */
  public static final String ENCODE_CPU = "audiostems.encode.cpu";

  /** Outputs that failed verification, tagged {@code stage}. */
  public static final String VERIFICATION_FAILURES = "audiostems.verification.failures";

  /** The quality checks' 0-100 score of each analysed source. */
  public static final String QUALITY_SCORE = "audiostems.quality.score";

  /** Analysed sources by the highest tier they pass, tagged {@code tier} (none when none). */
  public static final String QUALITY_TIER = "audiostems.quality.tier";

  /**
   * Tasks waiting in a Temporal task queue, tagged {@code task_queue} and {@code task_queue_type}.
   */
  public static final String TASK_QUEUE_BACKLOG = "audiostems.temporal.task-queue.backlog";

  /**
   * Bytes in the blob store, tagged {@code storage_class} (STANDARD for a local store; the S3
   * classes of a bucket's objects), as the last periodic listing summed them.
   */
  public static final String STORAGE_BYTES = "audiostems.storage.bytes";

  /**
   * Analytics rows (activity costs, processing records) the ledger did not take; each is logged.
   */
  public static final String ANALYTICS_RECORD_FAILURES = "audiostems.analytics.record.failures";

  /** Every name above. */
  public static final List<String> ALL =
      List.of(
          TRACKS_STARTED,
          TRACKS_REJECTED,
          TRACKS_FAILED,
          TRACKS_CANCELLED,
          TRACKS_PUBLISHED,
          STAGE_DURATION,
          STAGE_CPU,
          ENCODE_DURATION,
          ENCODE_CPU,
          VERIFICATION_FAILURES,
          QUALITY_SCORE,
          QUALITY_TIER,
          TASK_QUEUE_BACKLOG,
          STORAGE_BYTES,
          ANALYTICS_RECORD_FAILURES);
}
