package com.audiostems.app.bench;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.workers.cpu.TrackSearchAttributeRegistration;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.IdentifyWorkflowImpl;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackIngestWorkflowImpl;
import com.google.protobuf.ByteString;
import io.temporal.activity.Activity;
import io.temporal.activity.DynamicActivity;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.EncodedValues;
import io.temporal.common.converter.RawValue;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the orchestration's own cost, with the media work taken out. A real 1-second track is
 * processed once by {@code audiostems process} on a Temporal CLI dev server; its history (and its
 * identify child's) is the recording. Then, in this one worker JVM, the real workflow code ({@link
 * TrackIngestWorkflowImpl}, {@link IdentifyWorkflowImpl}) runs N tracks against the same dev server
 * while every activity is answered at once with the result the real activity gave in the recording
 * for the same input (the track id substituted): the same commands, activities, timers and child
 * workflows as a real track, none of the encoding. Prints completed workflows per second, each
 * workflow's wall time (all of it orchestration here: the activities take no time), activity tasks
 * per second and the heap's high-water mark. Run with bench/orchestration.sh.
 */
public final class OrchestrationBenchmark {
  private static final String RECORDED = "orchestration-recorded";

  public static void main(String[] args) throws Exception {
    int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory("audiostems-orchestration");
    Path cli =
        TemporalCli.locate(null)
            .orElseThrow(() -> new IllegalStateException("install: " + TemporalCli.INSTALL));
    try (TemporalDevServer server =
        TemporalDevServer.start(
            "default",
            TemporalDevServerOptions.newBuilder()
                .setExistingPath(cli.toString())
                .setDownloadEnabled(false)
                .setUiEnabled(false)
                .setLogFile(dir.resolve("temporal.log").toString())
                .build())) {
      Recording recording = record(server.getTarget(), dir);
      System.out.printf(
          Locale.ROOT,
          "Recording: a real 1 s track, %d activity calls on %d task queues, %d child workflow(s)%n",
          recording.calls(),
          recording.queues.size(),
          recording.children);
      run(server.getTarget(), recording, Math.min(200, workflows), inFlight, false);
      run(server.getTarget(), recording, workflows, inFlight, true);
    }
  }

  /** The recording: a real track processed on {@code target}, then its histories read back. */
  private static Recording record(String target, Path dir) throws Exception {
    Path source = TestAudio.wav(dir.resolve("one-second.wav"), 44_100, 16, 2, 1.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        AudiostemsApplication.run(
            new String[] {
              "process",
              source.toString(),
              "--temporal",
              target,
              "--out",
              dir.resolve("recorded").toString(),
              "--track-id",
              RECORDED,
              "--audiostems.work-dir=" + dir.resolve("work")
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    if (code != 0) {
      throw new IllegalStateException("the recording's process failed:\n" + out);
    }
    var service =
        io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
            io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    Recording recording = new Recording();
    Deque<String> histories = new ArrayDeque<>(List.of(TrackIngestWorkflow.workflowId(RECORDED)));
    while (!histories.isEmpty()) {
      String workflowId = histories.pop();
      List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
      Map<Long, HistoryEvent> scheduled = new HashMap<>();
      for (HistoryEvent event : events) {
        switch (event.getEventType()) {
          case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
            if (recording.start == null) {
              var started = event.getWorkflowExecutionStartedEventAttributes();
              recording.workflowType = started.getWorkflowType().getName();
              recording.start = started.getInput();
            }
          }
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
            scheduled.put(event.getEventId(), event);
            recording.queues.add(
                event.getActivityTaskScheduledEventAttributes().getTaskQueue().getName());
          }
          case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
            var completed = event.getActivityTaskCompletedEventAttributes();
            var call =
                scheduled
                    .get(completed.getScheduledEventId())
                    .getActivityTaskScheduledEventAttributes();
            recording.add(call.getActivityType().getName(), call.getInput(), completed.getResult());
          }
          case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> recording.children++;
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED ->
              histories.add(
                  event
                      .getChildWorkflowExecutionStartedEventAttributes()
                      .getWorkflowExecution()
                      .getWorkflowId());
          default -> {}
        }
      }
    }
    service.shutdown();
    return recording;
  }

  private static void run(
      String target, Recording recording, int workflows, int inFlight, boolean print)
      throws Exception {
    var service =
        io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
            io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    TrackSearchAttributeRegistration.register(service, "default");
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory
        .newWorker(TaskQueues.TRACK_WORKFLOWS)
        .registerWorkflowImplementationTypes(
            TrackIngestWorkflowImpl.class, IdentifyWorkflowImpl.class);
    WorkerOptions activities =
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(200).build();
    for (String queue : recording.queues) {
      factory.newWorker(queue, activities).registerActivitiesImplementations(recording.answerer());
    }
    factory.start();
    String runTag = Long.toString(System.nanoTime(), 36);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    double[] wallSeconds = new double[workflows];
    List<CompletableFuture<?>> open = new ArrayList<>();
    for (int i = 0; i < workflows; i++) {
      while (open.size() >= inFlight) {
        CompletableFuture.anyOf(open.toArray(CompletableFuture[]::new)).join();
        open.removeIf(CompletableFuture::isDone);
      }
      String trackId = "orchestration-" + runTag + "-" + i;
      WorkflowStub stub =
          client.newUntypedWorkflowStub(
              recording.workflowType,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
                  .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                  .setWorkflowRunTimeout(Duration.ofMinutes(30))
                  .build());
      int index = i;
      long began = System.nanoTime();
      stub.start(recording.startArguments(trackId));
      open.add(
          stub.getResultAsync(RawValue.class)
              .thenRun(() -> wallSeconds[index] = (System.nanoTime() - began) / 1e9));
    }
    CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    long heapPeak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    service.shutdown();
    if (!print) {
      System.out.printf(Locale.ROOT, "warm-up: %d workflows in %.1f s%n", workflows, seconds);
      return;
    }
    Arrays.sort(wallSeconds);
    System.out.printf(
        Locale.ROOT,
        "%d track workflows, at most %d in flight, one worker JVM, %d cores:%n",
        workflows,
        inFlight,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "  completed workflows per second: %.1f%n", workflows / seconds);
    System.out.printf(
        Locale.ROOT,
        "  activity tasks per second: %.0f%n",
        workflows * (double) recording.calls() / seconds);
    System.out.printf(
        Locale.ROOT,
        "  wall time per workflow (all orchestration: no activity time): p50 %.0f ms, p95 %.0f"
            + " ms%n",
        wallSeconds[workflows / 2] * 1000,
        wallSeconds[(int) (workflows * 0.95)] * 1000);
    System.out.printf(
        Locale.ROOT,
        "  heap high-water mark: %.0f MiB (max heap %.0f MiB)%n",
        heapPeak / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  /** What the real activities answered, by activity type and input (the track id neutralised). */
  private static final class Recording {
    private final Map<String, List<Call>> callsByType = new HashMap<>();
    private final Set<String> queues = new LinkedHashSet<>();
    private String workflowType;
    private Payloads start;
    private int children;

    private record Call(String input, Payloads result) {}

    void add(String type, Payloads input, Payloads result) {
      callsByType.computeIfAbsent(type, t -> new ArrayList<>()).add(new Call(json(input), result));
    }

    int calls() {
      return callsByType.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The recorded start with the new track id, and without keep-alive: the track's workflow ends
     * once published (as {@code process} on its in-process server runs it) instead of living on as
     * the track's entity, so that "completed" is "published".
     */
    RawValue[] startArguments(String trackId) {
      return start.getPayloadsList().stream()
          .map(payload -> withTrack(payload, RECORDED, trackId))
          .map(payload -> withText(payload, "\"keepAlive\":true", "\"keepAlive\":false"))
          .map(RawValue::new)
          .toArray(RawValue[]::new);
    }

    DynamicActivity answerer() {
      return (EncodedValues args) -> {
        String type = Activity.getExecutionContext().getInfo().getActivityType();
        String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
        String trackId = trackOf(workflowId);
        String input =
            json(args.toPayloads().orElse(Payloads.getDefaultInstance()))
                .replace(trackId, RECORDED);
        List<Call> calls = callsByType.get(type);
        if (calls == null) {
          throw new IllegalStateException("the recording has no call of " + type);
        }
        Call answer =
            calls.stream()
                .filter(call -> call.input.equals(input))
                .findFirst()
                .orElseGet(
                    () -> {
                      if (calls.size() == 1) {
                        return calls.getFirst();
                      }
                      return calls.stream()
                          .max(
                              (a, b) ->
                                  Integer.compare(
                                      commonPrefix(a.input, input), commonPrefix(b.input, input)))
                          .orElseThrow();
                    });
        if (answer.result.getPayloadsCount() == 0) {
          return null;
        }
        return new RawValue(withTrack(answer.result.getPayloads(0), RECORDED, trackId));
      };
    }

    private static String trackOf(String workflowId) {
      int at = workflowId.indexOf("orchestration-");
      if (at < 0) {
        throw new IllegalStateException("not a benchmark workflow: " + workflowId);
      }
      // the track id ends where the workflow id's own suffix (a child's) begins
      String rest = workflowId.substring(at);
      String[] parts = rest.split("-");
      return parts.length >= 3 ? parts[0] + "-" + parts[1] + "-" + parts[2] : rest;
    }

    private static int commonPrefix(String a, String b) {
      int n = Math.min(a.length(), b.length());
      int i = 0;
      while (i < n && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      return i;
    }

    private static String json(Payloads payloads) {
      StringBuilder text = new StringBuilder();
      for (Payload payload : payloads.getPayloadsList()) {
        text.append(payload.getData().toStringUtf8()).append('\n');
      }
      return text.toString();
    }

    private static Payload withTrack(Payload payload, String from, String to) {
      return withText(payload, from, to);
    }

    private static Payload withText(Payload payload, String from, String to) {
      return payload.toBuilder()
          .setData(ByteString.copyFromUtf8(payload.getData().toStringUtf8().replace(from, to)))
          .build();
    }
  }

  private OrchestrationBenchmark() {}
}
