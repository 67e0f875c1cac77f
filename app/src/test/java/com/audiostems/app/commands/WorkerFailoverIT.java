package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackManifests;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CPU host dies mid-encode ({@code kill -9}, its ffmpeg with it) and the track finishes on the
 * other host: two {@code worker --pool cpu} processes of the packaged jar (and one {@code --pool
 * gpu} for the analysis) share one store on the real Temporal CLI dev server. The encode's
 * heartbeat timeout notices the death, the retry waits on the dead host's own queue until its
 * schedule-to-start timeout says the host is gone, and the workflow fetches the source to the
 * surviving host and encodes again. The published outputs must be whole and the track's prefix must
 * hold nothing the manifest does not name.
 */
class WorkerFailoverIT {
  private static final String TRACK = "failover-1";

  /**
   * Heartbeat timeout (30 s) + host schedule-to-start (30 s) + a fetch and a full re-encode, with
   * room.
   */
  private static final Duration FINISH = Duration.ofMinutes(4);

  @TempDir Path temp;

  @Test
  void aKilledWorkerMidEncodeLeavesTheTrackToTheOtherWorker() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "WorkerFailoverIT runs the real Temporal CLI dev server and found no `temporal` on PATH or"
                            + " in $HOME/go/bin. Install it: "
                            + TemporalCli.INSTALL));
    Path store = temp.resolve("store");
    // Two minutes of 24-bit stereo: encoding all outputs takes long enough to be caught mid-way.
    Path source = TestAudio.wav(temp.resolve("master.wav"), 44_100, 24, 2, 120.0);
    String sourceKey = BlobKeys.sourceKey(TRACK, source.getFileName().toString());
    LocalBlobStore blobs = new LocalBlobStore(store);
    blobs.store(sourceKey, source);

    TemporalDevServer server =
        TemporalDevServer.start(
            "default",
            TemporalDevServerOptions.newBuilder()
                .setExistingPath(cli.toString())
                .setDownloadEnabled(false)
                .setIp(TemporalDevServers.IP)
                .setDatabaseFilename(temp.resolve("temporal.db").toString())
                .setUiEnabled(false)
                .setLogFile(temp.resolve("temporal.log").toString())
                .build());
    List<Served> workers = new ArrayList<>();
    Served analysisHost = null;
    Served catalogueHost = null;
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.getTarget()).build());
    try {
      String target = server.getTarget();
      // One activity slot each, like a host that is busy with this track alone; separate work
      // dirs, as separate machines have.
      for (String name : List.of("a", "b")) {
        workers.add(
            Served.start(
                Served.command(
                    temp.resolve("work-" + name),
                    "worker",
                    "--pool",
                    "cpu",
                    "--temporal",
                    target,
                    "--audiostems.storage.root=" + store,
                    "--audiostems.workers.activity-slots=1")));
      }
      // The analysis pool on a host of its own, as in production.
      analysisHost =
          Served.start(
              Served.command(
                  temp.resolve("work-gpu"),
                  "worker",
                  "--pool",
                  "gpu",
                  "--temporal",
                  target,
                  "--audiostems.storage.root=" + store));
      // The catalogue's one owner, on a host of its own too.
      catalogueHost =
          Served.start(
              Served.command(
                  temp.resolve("work-catalogue"),
                  "worker",
                  "--pool",
                  "catalogue",
                  "--temporal",
                  target,
                  "--audiostems.storage.root=" + store));

      WorkflowClient client = WorkflowClient.newInstance(service);
      String workflowId = TrackIngestWorkflow.workflowId(TRACK);
      TrackIngestWorkflow workflow =
          client.newWorkflowStub(
              TrackIngestWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId)
                  .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                  .setWorkflowRunTimeout(Duration.ofMinutes(10))
                  .build());
      // One encode lane: with one slot per host a second lane would wait on the host's queue behind
      // the first, and a wait past the schedule-to-start limit reads as a dead host.
      WorkflowClient.start(
          workflow::ingest,
          new TrackIngestRequest(
              TRACK, sourceKey, source.getFileName().toString(), List.of(), 1, false, null, null));

      // The encode's worker identity is the SDK's default, "<pid>@<host>": that names the process
      // to kill.
      long holder = encodingWorkerPid(client, workflow, workflowId);
      Served victim =
          workers.stream()
              .filter(w -> w.handle().pid() == holder)
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "the encode runs in no worker of this test: pid " + holder));
      Served survivor = workers.stream().filter(w -> w != victim).findFirst().orElseThrow();
      // A host's death takes its ffmpeg with it; the children are listed before the parent dies,
      // since an orphan is no longer its descendant.
      List<ProcessHandle> children = childrenOnceStarted(victim);
      assertThat(children).as("ffmpeg runs under the encoding worker").isNotEmpty();
      victim.handle().destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      assertThat(victim.handle().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

      TrackIngestResult result =
          WorkflowStub.fromTyped(workflow)
              .getResult(FINISH.toSeconds(), TimeUnit.SECONDS, TrackIngestResult.class);

      assertThat(status(client, workflowId))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
      assertThat(survivor.handle().isAlive()).isTrue();
      List<EncodedOutput> outputs = result.manifest().outputs();
      assertThat(outputs).as("every output of a WAV master").hasSize(6);
      for (EncodedOutput output : outputs) {
        assertThat(blobs.exists(output.key())).as(output.key()).isTrue();
        Path file = blobs.pathOf(output.key());
        assertThat(Files.size(file)).as(output.key()).isEqualTo(output.bytes());
        assertThat(LocalBlobStore.sha256Of(file)).as(output.key()).isEqualTo(output.sha256());
      }
      assertThat(result.manifest().verification().checks())
          .allSatisfy(check -> assertThat(check.passed()).isTrue());
      // No orphans: the killed encode's partial or replaced objects are gone, only the published
      // remain.
      assertThat(blobs.list(BlobKeys.trackPrefix(TRACK)))
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(
                      TrackManifests.ownedKeys(result.manifest()).stream(),
                      TrackManifests.peaksKeys(result.manifest()).stream())
                  .filter(key -> key.startsWith(BlobKeys.trackPrefix(TRACK)))
                  .toList());
      // The track moved: a second host fetched the source.
      List<HistoryEvent> fetches =
          client.fetchHistory(workflowId).getEvents().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
              .filter(
                  e ->
                      e.getActivityTaskScheduledEventAttributes()
                          .getActivityType()
                          .getName()
                          .equals("FetchSource"))
              .toList();
      assertThat(fetches).as("source fetches: the first host's and the survivor's").hasSize(2);
    } finally {
      for (Served worker : workers) {
        worker.close();
      }
      if (analysisHost != null) {
        analysisHost.close();
      }
      if (catalogueHost != null) {
        catalogueHost.close();
      }
      service.shutdown();
      service.awaitTermination(5, TimeUnit.SECONDS);
      server.close();
    }
  }

  /**
   * Waits for stage ENCODING and the encode activity to be started, then returns its worker's pid.
   */
  private static long encodingWorkerPid(
      WorkflowClient client, TrackIngestWorkflow workflow, String workflowId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (workflow.progress().stage() == TrackStage.ENCODING) {
        Optional<String> identity =
            describe(client, workflowId).getPendingActivitiesList().stream()
                .filter(a -> a.getActivityType().getName().equals("EncodeLane"))
                .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
                .map(PendingActivityInfo::getLastWorkerIdentity)
                .filter(id -> id.contains("@"))
                .findFirst();
        if (identity.isPresent()) {
          return Long.parseLong(identity.get().substring(0, identity.get().indexOf('@')));
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the track did not reach a started encode; progress: " + workflow.progress());
  }

  /**
   * The worker's child processes once it has any: the encode activity is reported started before
   * its ffmpeg is spawned, and on a loaded machine that gap can outlast the first look.
   */
  private static List<ProcessHandle> childrenOnceStarted(Served worker)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<ProcessHandle> children = worker.handle().descendants().toList();
    while (children.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      children = worker.handle().descendants().toList();
    }
    return children;
  }

  private static WorkflowExecutionStatus status(WorkflowClient client, String workflowId) {
    return describe(client, workflowId).getWorkflowExecutionInfo().getStatus();
  }

  private static DescribeWorkflowExecutionResponse describe(
      WorkflowClient client, String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }
}
