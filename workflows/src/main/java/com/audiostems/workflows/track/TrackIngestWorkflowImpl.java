package com.audiostems.workflows.track;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodeSchedule;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class TrackIngestWorkflowImpl implements TrackIngestWorkflow {

  // ---- Activity options: every timeout and retry of the journey, in one place. ----

  /** Transient trouble (a busy disk, a killed worker) is retried with backoff; bad input never is. */
  private static final RetryOptions MEDIA_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(4)
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /** ffprobe reads headers only: seconds, even for large files. */
  private static final ActivityOptions PROBE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofMinutes(15))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Validation decodes every sample (far faster than real time); heartbeats prove it is alive. */
  private static final ActivityOptions VALIDATE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  private static final ActivityOptions METADATA =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * Encoding a long master takes minutes; a lost worker is noticed within the heartbeat timeout.
   * Cancellation waits for the lane to stop its ffmpeg and clean up before compensation runs.
   */
  private static final ActivityOptions ENCODE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(MEDIA_RETRY)
          .build();

  private static final ActivityOptions VERIFY =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Publishing and compensation must eventually happen: retried for up to an hour. */
  private static final ActivityOptions STORAGE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
                  .build())
          .build();

  private final MediaActivities probeMedia = Workflow.newActivityStub(MediaActivities.class, PROBE);
  private final MediaActivities validateMedia = Workflow.newActivityStub(MediaActivities.class, VALIDATE);
  private final MetadataActivities metadata = Workflow.newActivityStub(MetadataActivities.class, METADATA);
  private final MediaActivities encodeMedia = Workflow.newActivityStub(MediaActivities.class, ENCODE);
  private final MediaActivities verifyMedia = Workflow.newActivityStub(MediaActivities.class, VERIFY);
  private final StorageActivities storage = Workflow.newActivityStub(StorageActivities.class, STORAGE);

  private String trackId;
  private TrackStage stage = TrackStage.STARTED;
  private String failure;
  private final Map<OutputFormat, OutputProgress> outputProgress = new LinkedHashMap<>();
  private final Map<String, Long> stageMillis = new LinkedHashMap<>();
  private long stageStartedAt;

  @Override
  public TrackIngestResult ingest(TrackIngestRequest request) {
    trackId = BlobKeys.requireTrackId(request.trackId());
    Saga saga = new Saga(new Saga.Options.Builder().setContinueWithError(true).build());
    try {
      enter(TrackStage.PROBING);
      SourceProbe probe = probeMedia.probe(new ProbeRequest(trackId, request.sourceKey()));

      enter(TrackStage.VALIDATING);
      ValidatedSource source = validateMedia.validate(new ValidateRequest(trackId, request.sourceKey(), probe));

      enter(TrackStage.READING_METADATA);
      TrackMetadata tags = metadata.readMetadata(new ReadMetadataRequest(trackId, request.sourceKey(), probe));
      if (tags.artwork() != null) {
        saga.addCompensation(storage::deleteObjects, List.of(tags.artwork().key()));
      }

      OutputPlan plan =
          OutputPlanner.plan(
              trackId,
              probe,
              request.formats() == null || request.formats().isEmpty()
                  ? EnumSet.allOf(OutputFormat.class)
                  : EnumSet.copyOf(request.formats()));
      for (OutputSpec spec : plan.outputs()) {
        outputProgress.put(spec.format(), new OutputProgress(spec.format(), 0, "pending"));
      }
      // Registered before encoding starts: a lane that dies half-way may have stored some outputs.
      saga.addCompensation(storage::deleteObjects, plan.outputs().stream().map(OutputSpec::key).toList());

      enter(TrackStage.ENCODING);
      EncodedAndVerified done = encodeAndVerify(request, source, tags, plan);
      List<EncodedOutput> outputs = done.outputs();
      VerificationReport verification = done.verification();

      enter(TrackStage.PUBLISHING);
      String manifestKey = BlobKeys.manifestKey(trackId);
      saga.addCompensation(storage::deleteObjects, List.of(manifestKey));
      TrackManifest manifest =
          new TrackManifest(
              TrackManifest.SCHEMA_VERSION,
              trackId,
              Workflow.getInfo().getWorkflowId(),
              Workflow.getInfo().getRunId(),
              Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
              new TrackManifest.Source(
                  request.sourceKey(), request.originalFileName(), probe, source.tier(), source.decodedDurationSeconds()),
              tags,
              outputs,
              plan.absent(),
              verification,
              new TrackManifest.Preview(false, null),
              new LinkedHashMap<>(stageMillis));
      storage.publishManifest(new PublishManifestRequest(trackId, manifest));
      enter(TrackStage.PUBLISHED);
      return new TrackIngestResult(trackId, manifestKey, manifest);
    } catch (TemporalFailure e) {
      boolean cancelled = e instanceof CanceledFailure || e.getCause() instanceof CanceledFailure;
      failure = describe(e);
      stage = TrackStage.COMPENSATING;
      // Detached: compensation must run even when the workflow itself is being cancelled.
      Workflow.newDetachedCancellationScope(saga::compensate).run();
      stage = cancelled ? TrackStage.CANCELLED : TrackStage.FAILED;
      throw cancelled ? e : asTypedFailure(e);
    }
  }

  private record EncodedAndVerified(List<EncodedOutput> outputs, VerificationReport verification) {}

  /**
   * Runs the lanes in parallel and verifies each output, in an activity of its own, as soon as its
   * lane has stored it: verification spreads over the free activity slots and overlaps the other
   * lanes' encoding. If anything fails, the rest is cancelled and awaited, so that nothing is still
   * writing when compensation starts.
   */
  private EncodedAndVerified encodeAndVerify(
      TrackIngestRequest request, ValidatedSource source, TrackMetadata tags, OutputPlan plan) {
    List<List<OutputSpec>> lanes = EncodeSchedule.lanes(plan.outputs(), Math.max(1, request.encodeLanes()));
    List<Promise<EncodeLaneResult>> encoded = new ArrayList<>();
    List<Promise<List<OutputCheck>>> verified = new ArrayList<>();
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              for (List<OutputSpec> lane : lanes) {
                lane.forEach(s -> outputProgress.put(s.format(), new OutputProgress(s.format(), 0, "encoding")));
                Promise<EncodeLaneResult> encode =
                    Async.function(
                            encodeMedia::encodeLane,
                            new EncodeLaneRequest(trackId, request.sourceKey(), source.probe(), lane, tags))
                        .thenApply(
                            r -> {
                              r.outputs().forEach(o -> outputProgress.put(o.format(), new OutputProgress(o.format(), 1, "encoded")));
                              return r;
                            });
                encoded.add(encode);
                verified.add(encode.thenCompose(r -> verifyEach(source, r.outputs())));
              }
            });
    scope.run();
    try {
      Promise.allOf(encoded).get();
      enter(TrackStage.VERIFYING);
      Promise.allOf(verified).get();
    } catch (TemporalFailure e) {
      scope.cancel("another encode lane or verification failed");
      for (Promise<List<OutputCheck>> lane : verified) {
        lane.handle((r, f) -> null).get(); // wait until every lane has stopped writing
      }
      throw e;
    }
    List<EncodedOutput> outputs = new ArrayList<>();
    encoded.forEach(r -> outputs.addAll(r.get().outputs()));
    outputs.sort((a, b) -> a.format().compareTo(b.format()));
    List<OutputCheck> checks = new ArrayList<>();
    verified.forEach(r -> checks.addAll(r.get()));
    checks.sort((a, b) -> a.format().compareTo(b.format()));
    return new EncodedAndVerified(List.copyOf(outputs), new VerificationReport(List.copyOf(checks)));
  }

  private Promise<List<OutputCheck>> verifyEach(ValidatedSource source, List<EncodedOutput> outputs) {
    List<Promise<VerificationReport>> reports = new ArrayList<>();
    for (EncodedOutput output : outputs) {
      reports.add(
          Async.function(verifyMedia::verifyOutputs, new VerifyRequest(trackId, source, List.of(output)))
              .thenApply(
                  report -> {
                    outputProgress.put(output.format(), new OutputProgress(output.format(), 1, "verified"));
                    return report;
                  }));
    }
    return Promise.allOf(reports).thenApply(done -> reports.stream().flatMap(r -> r.get().checks().stream()).toList());
  }

  @Override
  public TrackProgress progress() {
    return new TrackProgress(trackId, stage, List.copyOf(outputProgress.values()), failure);
  }

  @Override
  public void reportOutputProgress(OutputProgress progress) {
    OutputProgress current = outputProgress.get(progress.format());
    // Signals may arrive late or out of order; progress only moves forward while encoding.
    if (current != null && "encoding".equals(current.state()) && progress.fraction() > current.fraction()) {
      outputProgress.put(progress.format(), new OutputProgress(progress.format(), progress.fraction(), "encoding"));
    }
  }

  private void enter(TrackStage next) {
    long now = Workflow.currentTimeMillis();
    if (stage != TrackStage.STARTED) {
      stageMillis.put(stage.name(), now - stageStartedAt);
    }
    stage = next;
    stageStartedAt = now;
  }

  /** The innermost application failure's type and message, for the query and the CLI. */
  private static String describe(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    return app != null ? app.getType() + ": " + app.getOriginalMessage() : e.getMessage();
  }

  /**
   * Surfaces the activity's typed reason as the workflow's own failure, so that callers read
   * "NotAudio: ..." instead of unwrapping an ActivityFailure.
   */
  private static TemporalFailure asTypedFailure(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    if (app == null || !(e instanceof ActivityFailure)) {
      return e;
    }
    return ApplicationFailure.newNonRetryableFailureWithCause(app.getOriginalMessage(), app.getType(), e);
  }

  private static ApplicationFailure applicationCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
    }
    return null;
  }
}
