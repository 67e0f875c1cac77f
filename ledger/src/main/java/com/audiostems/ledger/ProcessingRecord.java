package com.audiostems.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row of {@code processing_records}: how one track's first journey ended and what it cost.
 *
 * @param reasonCode the typed failure (e.g. {@code NotAudio}); null when published
 * @param startedAt when its first activity started
 * @param endedAt when it published, or ended in failure
 * @param stageMillis wall time of each stage, in stage order (the manifest's {@code stageMillis})
 * @param jvmCpuMillis CPU of the activities' JVM threads over the journey
 * @param ffmpegCpuMillis CPU of their ffmpeg children
 * @param qualityScore the quality checks' 0-100 score; null when it was not analysed
 * @param qualityTier the highest tier it passes ({@code none} when none); null when not analysed
 * @param findingsByCode the quality report's findings, counted by code
 * @param bpm null when not analysed
 * @param musicalKey e.g. {@code A minor}; null when not analysed
 * @param durationSeconds the decoded duration; null when it was not decoded
 * @param genre the source's genre tag; null when it has none
 */
public record ProcessingRecord(
    String trackId,
    Outcome outcome,
    String reasonCode,
    Instant startedAt,
    Instant endedAt,
    Map<String, Long> stageMillis,
    long jvmCpuMillis,
    long ffmpegCpuMillis,
    Integer qualityScore,
    String qualityTier,
    Map<String, Integer> findingsByCode,
    Double bpm,
    String musicalKey,
    Double durationSeconds,
    String genre) {

  /** How a journey ended. */
  public enum Outcome {
    PUBLISHED,
    /** The file was refused (a non-retryable typed failure). */
    REJECTED,
    /** Anything else went wrong (retries spent, a timeout, a bug). */
    FAILED,
    CANCELLED
  }

  public ProcessingRecord {
    Objects.requireNonNull(trackId, "trackId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    stageMillis = stageMillis == null ? Map.of() : new LinkedHashMap<>(stageMillis);
    findingsByCode = findingsByCode == null ? Map.of() : new LinkedHashMap<>(findingsByCode);
    if (jvmCpuMillis < 0 || ffmpegCpuMillis < 0) {
      throw new IllegalArgumentException("CPU milliseconds cannot be negative: " + trackId);
    }
  }

  public long cpuMillis() {
    return jvmCpuMillis + ffmpegCpuMillis;
  }
}
