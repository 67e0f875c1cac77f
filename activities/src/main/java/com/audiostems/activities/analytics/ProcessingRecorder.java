package com.audiostems.activities.analytics;

import com.audiostems.activities.metrics.MetricNames;
import com.audiostems.ledger.ActivityCostRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.ProcessingRecord;
import com.audiostems.workflows.analytics.TrackEndReport;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the analytics read (issue 17) into the ledger, from the activities' side so that the
 * track workflow's commands do not change: each measured activity execution of a track's journey
 * ({@code activity_costs}), and the track's processing record when its first manifest publishes,
 * from that manifest and the CPU of its executions. The metrics interceptor, which measures each
 * execution, calls it.
 *
 * <p>A process without a ledger ({@code process --out DIR}) records nothing: {@link #recordIn} is
 * never called there. A write that fails is logged and counted ({@value #FAILURES}), not thrown: a
 * track's publication must not wait on its analytics row.
 */
public final class ProcessingRecorder {
  private static final Logger log = LoggerFactory.getLogger(ProcessingRecorder.class);
  static final String TRACK_WORKFLOW = "TrackIngestWorkflow";
  static final String PUBLISH_MANIFEST = "PublishManifest";

  /** Ledger writes that failed; each is logged with the track's id. */
  static final String FAILURES = MetricNames.ANALYTICS_RECORD_FAILURES;

  private final MeterRegistry registry;
  private volatile Ledger ledger;

  public ProcessingRecorder(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records into {@code ledger} from now on (serve and worker, which keep one). */
  public void recordIn(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The ledger written to, or null. */
  Ledger ledger() {
    return ledger;
  }

  /**
   * One activity execution ended.
   *
   * @param workflowType the type of the workflow that scheduled it
   * @param workflowId its id ({@code track-<trackId>} for a track's journey)
   * @param outcome {@code success} or {@code failure}
   */
  public void activityEnded(
      String workflowType,
      String workflowId,
      String activityType,
      String outcome,
      Instant startedAt,
      long wallNanos,
      long jvmCpuNanos,
      long ffmpegCpuNanos,
      Object[] arguments) {
    Ledger into = ledger;
    String trackId = TrackIngestWorkflow.trackIdOf(workflowId);
    if (into == null || !TRACK_WORKFLOW.equals(workflowType) || trackId == null) {
      return;
    }
    try {
      into.recordActivityCost(
          new ActivityCostRecord(
              trackId,
              activityType,
              outcome,
              startedAt,
              wallNanos / 1_000_000,
              jvmCpuNanos / 1_000_000,
              ffmpegCpuNanos / 1_000_000));
      if (PUBLISH_MANIFEST.equals(activityType)
          && "success".equals(outcome)
          && arguments.length > 0
          && arguments[0] instanceof PublishManifestRequest publish
          && publish.manifest() != null
          && publish.manifest().version() == 1) {
        into.saveProcessingRecord(published(publish.manifest(), into, Instant.now()));
      }
    } catch (RuntimeException e) {
      registry.counter(FAILURES).increment();
      log.warn(
          "Could not record {} of track {} for the analytics: {}",
          activityType,
          trackId,
          e.getMessage());
    }
  }

  /**
   * Writes the record of a journey that ended without publishing. Where this process keeps no
   * ledger ({@code process --out DIR}) there is nothing to write to, as for its activity costs; a
   * ledger that refuses the write throws, so that the activity is retried.
   */
  void recordEnd(TrackEndReport report, Instant endedAt) {
    Ledger into = ledger;
    if (into == null) {
      log.debug(
          "Track {} ended {}: this process keeps no ledger", report.trackId(), report.outcome());
      return;
    }
    Cpu cpu = Cpu.of(into.activityCostsOfTrack(report.trackId()));
    into.saveProcessingRecord(
        new ProcessingRecord(
            report.trackId(),
            ProcessingRecord.Outcome.valueOf(report.outcome()),
            report.reasonCode(),
            cpu.firstStart == null ? endedAt : cpu.firstStart,
            endedAt,
            report.stageMillis(),
            cpu.jvmMillis,
            cpu.ffmpegMillis,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null));
  }

  /** The record of a first version just published, its CPU summed from the ledger's rows. */
  static ProcessingRecord published(TrackManifest manifest, Ledger ledger, Instant endedAt) {
    Cpu cpu = Cpu.of(ledger.activityCostsOfTrack(manifest.trackId()));
    TrackQuality quality = manifest.quality();
    var analysis = manifest.analysis();
    return new ProcessingRecord(
        manifest.trackId(),
        ProcessingRecord.Outcome.PUBLISHED,
        null,
        cpu.firstStart == null ? endedAt : cpu.firstStart,
        endedAt,
        manifest.stageMillis(),
        cpu.jvmMillis,
        cpu.ffmpegMillis,
        quality == null ? null : quality.score(),
        quality == null
            ? null
            : quality.effectiveTier() == null ? "none" : quality.effectiveTier().name(),
        quality == null ? Map.of() : findingsByCode(quality),
        analysis == null || analysis.tempo() == null ? null : analysis.tempo().bpm(),
        analysis == null || analysis.key() == null ? null : analysis.key().name(),
        manifest.source() == null ? null : manifest.source().decodedDurationSeconds(),
        manifest.metadata() == null ? null : manifest.metadata().genre());
  }

  private static Map<String, Integer> findingsByCode(TrackQuality quality) {
    Map<String, Integer> counts = new TreeMap<>();
    if (quality.findings() != null) {
      quality.findings().forEach(f -> counts.merge(f.code(), 1, Integer::sum));
    }
    return counts;
  }

  /** A journey's CPU so far, and when its first measured activity started. */
  record Cpu(long jvmMillis, long ffmpegMillis, Instant firstStart) {
    static Cpu of(List<ActivityCostRecord> costs) {
      long jvm = 0;
      long ffmpeg = 0;
      Instant first = null;
      for (ActivityCostRecord c : costs) {
        jvm += c.jvmCpuMillis();
        ffmpeg += c.ffmpegCpuMillis();
        if (first == null || c.startedAt().isBefore(first)) {
          first = c.startedAt();
        }
      }
      return new Cpu(jvm, ffmpeg, first);
    }
  }
}
