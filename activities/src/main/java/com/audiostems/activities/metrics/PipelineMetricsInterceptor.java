package com.audiostems.activities.metrics;

import com.audiostems.activities.analytics.ProcessingRecorder;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.ImmutableMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The pipeline's metrics, in one place for every worker: each activity execution is timed by type,
 * with its CPU time (its thread's, its helper threads' and its ffmpeg children's, see {@link
 * ActivityCost}), and the outcomes only an activity's result shows (a first manifest published, a
 * quality score, a lane's encode time) are counted from there. A track's start and its end in
 * failure are counted around the workflow's execution on {@link Workflow#getMetricsScope()}, which
 * Temporal keeps silent during replay: no metrics call in the deterministic workflow code.
 */
public final class PipelineMetricsInterceptor extends WorkerInterceptorBase {
  private static final String TRACK_WORKFLOW = "TrackIngestWorkflow";
  private static final String ENCODE_LANE = "EncodeLane";
  private static final String PUBLISH_MANIFEST = "PublishManifest";

  private final MeterRegistry registry;
  private final ProcessingRecorder recorder;

  public PipelineMetricsInterceptor(MeterRegistry registry) {
    this(registry, null);
  }

  /**
   * @param recorder also given each execution of a track's journey, for the ledger's analytics;
   *     null for none
   */
  public PipelineMetricsInterceptor(MeterRegistry registry, ProcessingRecorder recorder) {
    this.registry = registry;
    this.recorder = recorder;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new TimedActivity(next);
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new CountedTrack(next);
  }

  private final class TimedActivity extends ActivityInboundCallsInterceptorBase {
    private ActivityExecutionContext context;

    TimedActivity(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      this.context = context;
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      String stage = context.getInfo().getActivityType();
      Instant startedAt = Instant.now();
      long started = System.nanoTime();
      long threadCpuAtStart = ActivityCost.currentThreadCpuNanos();
      ActivityCost cost = ActivityCost.open();
      String outcome = "failure";
      try {
        ActivityOutput output = super.execute(input);
        outcome = "success";
        recordResult(stage, input.getArguments(), output.getResult());
        return output;
      } catch (RuntimeException | Error e) {
        if (TrackFailures.OUTPUT_VERIFICATION_FAILED.equals(failureType(e))) {
          registry.counter(MetricNames.VERIFICATION_FAILURES, "stage", stage).increment();
        }
        throw e;
      } finally {
        cost.close();
        long threadCpuAtEnd = ActivityCost.currentThreadCpuNanos();
        long jvmCpuNanos =
            (threadCpuAtStart >= 0 && threadCpuAtEnd >= threadCpuAtStart
                    ? threadCpuAtEnd - threadCpuAtStart
                    : 0)
                + cost.helperThreadCpuNanos();
        long wallNanos = System.nanoTime() - started;
        recordStage(
            stage,
            outcome,
            wallNanos,
            jvmCpuNanos,
            cost.childProcessCpuNanos(),
            input.getArguments());
        if (recorder != null) {
          recorder.activityEnded(
              context.getInfo().getWorkflowType(),
              context.getInfo().getWorkflowId(),
              stage,
              outcome,
              startedAt,
              wallNanos,
              jvmCpuNanos,
              cost.childProcessCpuNanos(),
              input.getArguments());
        }
      }
    }
  }

  private void recordStage(
      String stage,
      String outcome,
      long wallNanos,
      long jvmCpuNanos,
      long ffmpegCpuNanos,
      Object[] arguments) {
    Timer.builder(MetricNames.STAGE_DURATION)
        .description("Wall time of each activity execution, by type")
        .tags("stage", stage, "outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofHours(2))
        .register(registry)
        .record(wallNanos, TimeUnit.NANOSECONDS);
    cpuCounter(stage, "jvm").increment(jvmCpuNanos / 1e9);
    cpuCounter(stage, "ffmpeg").increment(ffmpegCpuNanos / 1e9);
    if (ENCODE_LANE.equals(stage)
        && arguments.length > 0
        && arguments[0] instanceof EncodeLaneRequest lane) {
      String formats =
          lane.outputs().stream()
              .map(OutputSpec::format)
              .map(Enum::name)
              .sorted()
              .collect(Collectors.joining("+"));
      Timer.builder(MetricNames.ENCODE_DURATION)
          .description("Wall time of an encode lane, by the outputs it makes")
          .tags("formats", formats, "outcome", outcome)
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(50))
          .maximumExpectedValue(Duration.ofHours(2))
          .register(registry)
          .record(wallNanos, TimeUnit.NANOSECONDS);
      DistributionSummary.builder(MetricNames.ENCODE_CPU)
          .description("CPU seconds of an encode lane (JVM and ffmpeg), by the outputs it makes")
          .baseUnit("seconds")
          .tags("formats", formats, "outcome", outcome)
          .register(registry)
          .record((jvmCpuNanos + ffmpegCpuNanos) / 1e9);
    }
  }

  private Counter cpuCounter(String stage, String source) {
    return Counter.builder(MetricNames.STAGE_CPU)
        .description("CPU seconds spent by activities, by type and by where they ran")
        .baseUnit("seconds")
        .tags("stage", stage, "source", source)
        .register(registry);
  }

  private void recordResult(String stage, Object[] arguments, Object result) {
    if (PUBLISH_MANIFEST.equals(stage)
        && arguments.length > 0
        && arguments[0] instanceof PublishManifestRequest publish
        && publish.manifest() != null
        && publish.manifest().version() == 1) {
      registry.counter(MetricNames.TRACKS_PUBLISHED).increment();
    }
    if (result instanceof AnalysisResult analysed && analysed.quality() != null) {
      DistributionSummary.builder(MetricNames.QUALITY_SCORE)
          .description("The quality checks' 0-100 score of each analysed source")
          .serviceLevelObjectives(20, 40, 60, 80, 90, 100)
          .register(registry)
          .record(analysed.quality().score());
      String tier =
          analysed.quality().effectiveTier() == null
              ? "none"
              : analysed.quality().effectiveTier().name();
      registry.counter(MetricNames.QUALITY_TIER, "tier", tier).increment();
    }
  }

  /** Starts and failed ends of first journeys; re-processes and continued runs are not counted. */
  private static final class CountedTrack extends WorkflowInboundCallsInterceptorBase {
    CountedTrack(WorkflowInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public WorkflowOutput execute(WorkflowInput input) {
      boolean firstJourney =
          TRACK_WORKFLOW.equals(Workflow.getInfo().getWorkflowType())
              && input.getArguments().length > 0
              && input.getArguments()[0] instanceof TrackIngestRequest request
              && request.published() == null;
      if (!firstJourney) {
        return super.execute(input);
      }
      Scope scope = Workflow.getMetricsScope();
      scope.counter(MetricNames.TRACKS_STARTED).inc(1);
      try {
        return super.execute(input);
      } catch (TemporalFailure e) {
        countEnd(scope, e);
        throw e;
      }
    }

    private static void countEnd(Scope scope, TemporalFailure e) {
      if (e instanceof CanceledFailure || e.getCause() instanceof CanceledFailure) {
        scope.counter(MetricNames.TRACKS_CANCELLED).inc(1);
        return;
      }
      String reason = failureType(e);
      String name =
          TrackFailures.NON_RETRYABLE.contains(reason)
              ? MetricNames.TRACKS_REJECTED
              : MetricNames.TRACKS_FAILED;
      scope.tagged(ImmutableMap.of("reason", reason)).counter(name).inc(1);
    }
  }

  /** The innermost typed failure's type, else the exception's class: a bounded set of reasons. */
  static String failureType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app.getType();
      }
    }
    return e.getClass().getSimpleName();
  }
}
