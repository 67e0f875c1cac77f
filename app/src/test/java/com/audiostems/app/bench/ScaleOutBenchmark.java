package com.audiostems.app.bench;

import com.audiostems.app.commands.Served;
import com.audiostems.app.commands.TrackRuns;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.google.protobuf.util.Timestamps;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: the worker pools as separate processes on this machine, as a cluster runs them
 * (`worker --pool cpu` × N, one `--pool gpu`, one `--pool catalogue`, the Temporal CLI dev server,
 * one local store they share), fed the same batch of tracks at once for each N. Prints per N the
 * tracks an hour, the CPU-seconds each pool spent per track-minute (the worker JVMs and the ffmpeg
 * processes they ran and waited for, from /proc: utime + stime + cutime + cstime, minus what they
 * had spent starting), the peak backlog of the queues the autoscaler watches, and then the cost
 * model those figures give. Run it with bench/scale-out.sh.
 */
public final class ScaleOutBenchmark {
  private static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  /**
   * Fresh worker JVMs first run a few short tracks, not counted: a long-running pool's code is
   * compiled, and JIT warm-up would otherwise be billed to the first tracks.
   */
  private static final double WARM_UP_SECONDS = 10;

  public static void main(String[] args) throws Exception {
    int[] processes =
        Arrays.stream((args.length > 0 ? args[0] : "1,2,4").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int tracks = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    double trackSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 300;
    Path dir = Files.createTempDirectory("audiostems-scale-out");
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < tracks; i++) {
      sources.add(LoadBenchmark.music(dir, 5_000 + i, trackSeconds));
    }
    List<Path> warmUp = new ArrayList<>();
    for (int i = 0; i < Arrays.stream(processes).max().orElse(1) + 1; i++) {
      warmUp.add(LoadBenchmark.music(dir, 6_000 + i, WARM_UP_SECONDS));
    }
    System.out.printf(
        Locale.ROOT,
        "%d tracks of %.0f s (distinct generated music, 44.1 kHz/16-bit stereo WAV, every output)"
            + " at once, %d cores on this machine%n",
        tracks,
        trackSeconds,
        Runtime.getRuntime().availableProcessors());
    List<Result> results = new ArrayList<>();
    for (int n : processes) {
      results.add(run(dir.resolve("cpu-" + n), n, warmUp.subList(0, n + 1), sources, trackSeconds));
      System.out.println(results.getLast());
    }
    printCostModel(results, trackSeconds);
  }

  record Result(
      int cpuProcesses,
      int tracks,
      double wallSeconds,
      double cpuPoolSeconds,
      double gpuPoolSeconds,
      double cataloguePoolSeconds,
      long peakCpuBacklog,
      long peakGpuBacklog,
      double trackMinutes,
      HostSpread spread) {

    double tracksPerHour() {
      return tracks * 3600 / wallSeconds;
    }

    double cpuSecondsPerTrackMinute() {
      return (cpuPoolSeconds + gpuPoolSeconds + cataloguePoolSeconds) / trackMinutes;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "cpu worker processes %d: wall %.1f s, %.0f tracks/hour; CPU-seconds per track-minute:"
              + " cpu pool %.2f, gpu pool %.2f, catalogue %.2f, all %.2f; peak backlog audio-cpu"
              + " %d, audio-gpu %d; %s",
          cpuProcesses,
          wallSeconds,
          tracksPerHour(),
          cpuPoolSeconds / trackMinutes,
          gpuPoolSeconds / trackMinutes,
          cataloguePoolSeconds / trackMinutes,
          cpuSecondsPerTrackMinute(),
          peakCpuBacklog,
          peakGpuBacklog,
          spread);
    }
  }

  /**
   * How the tracks spread over the cpu processes (each track's media work is pinned to the host
   * that fetched its source) and how long its media activities waited in that host's queue.
   */
  record HostSpread(List<Integer> tracksPerHost, double waitP50Seconds, double waitMaxSeconds) {
    static HostSpread of(WorkflowClient client, String runTag, int tracks) {
      Map<String, Integer> perHost = new java.util.TreeMap<>();
      List<Double> waits = new ArrayList<>();
      String hostPrefix = TaskQueues.cpuHost("");
      for (int i = 0; i < tracks; i++) {
        Map<Long, HistoryEvent> scheduled = new java.util.HashMap<>();
        String host = null;
        for (HistoryEvent event :
            client.fetchHistory(TrackIngestWorkflow.workflowId(runTag + "-" + i)).getEvents()) {
          if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
            String queue = event.getActivityTaskScheduledEventAttributes().getTaskQueue().getName();
            if (queue.startsWith(hostPrefix)) {
              host = queue;
              scheduled.put(event.getEventId(), event);
            }
          } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
            HistoryEvent was =
                scheduled.get(event.getActivityTaskStartedEventAttributes().getScheduledEventId());
            if (was != null) {
              waits.add(
                  (Timestamps.toMillis(event.getEventTime())
                          - Timestamps.toMillis(was.getEventTime()))
                      / 1000.0);
            }
          }
        }
        if (host != null) {
          perHost.merge(host, 1, Integer::sum);
        }
      }
      double[] sorted = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new HostSpread(
          List.copyOf(perHost.values()),
          sorted.length == 0 ? 0 : sorted[sorted.length / 2],
          sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "tracks per cpu process %s, host-queue wait of a media activity p50 %.1f s, max %.1f s",
          tracksPerHost,
          waitP50Seconds,
          waitMaxSeconds);
    }
  }

  private static Result run(
      Path dir, int cpuProcesses, List<Path> warmUp, List<Path> sources, double trackSeconds)
      throws Exception {
    Files.createDirectories(dir);
    Path cli =
        TemporalCli.locate(null)
            .orElseThrow(() -> new IllegalStateException("install: " + TemporalCli.INSTALL));
    int port = Served.freePort();
    String target = TemporalDevServers.IP + ":" + port;
    TemporalDevServer server =
        TemporalDevServer.start(
            "default",
            TemporalDevServerOptions.newBuilder()
                .setExistingPath(cli.toString())
                .setDownloadEnabled(false)
                .setIp(TemporalDevServers.IP)
                .setPort(port)
                .setUiEnabled(false)
                .setLogFile(dir.resolve("temporal.log").toString())
                .setStartupTimeout(Duration.ofSeconds(60))
                .build());
    Path store = dir.resolve("store");
    Map<String, List<Served>> pools = new LinkedHashMap<>();
    WorkflowServiceStubs service = null;
    try {
      for (int i = 0; i < cpuProcesses; i++) {
        pools.computeIfAbsent("cpu", p -> new ArrayList<>()).add(worker(dir, "cpu", i, target));
      }
      pools.put("gpu", List.of(worker(dir, "gpu", 0, target)));
      pools.put("catalogue", List.of(worker(dir, "catalogue", 0, target)));
      service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      WorkflowClient client = WorkflowClient.newInstance(service);
      String runTag = "scale" + cpuProcesses + "-" + Long.toString(System.nanoTime(), 36);
      awaitAll(startAll(client, store, runTag + "-warm", warmUp));
      Map<String, Double> idle = cpuSecondsByPool(pools);
      AtomicLong peakCpu = new AtomicLong();
      AtomicLong peakGpu = new AtomicLong();
      WorkflowClient sampled = client;
      Thread sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      try {
                        peakCpu.accumulateAndGet(backlog(sampled, TaskQueues.AUDIO_CPU), Math::max);
                        peakGpu.accumulateAndGet(backlog(sampled, TaskQueues.AUDIO_GPU), Math::max);
                        Thread.sleep(1000);
                      } catch (InterruptedException e) {
                        return;
                      } catch (RuntimeException e) {
                        // a describe missed under load: the next one counts
                      }
                    }
                  });
      long start = System.nanoTime();
      awaitAll(startAll(client, store, runTag, sources));
      double wall = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      HostSpread spread = HostSpread.of(client, runTag, sources.size());
      Map<String, Double> busy = cpuSecondsByPool(pools);
      double trackMinutes = sources.size() * trackSeconds / 60;
      return new Result(
          cpuProcesses,
          sources.size(),
          wall,
          busy.get("cpu") - idle.get("cpu"),
          busy.get("gpu") - idle.get("gpu"),
          busy.get("catalogue") - idle.get("catalogue"),
          peakCpu.get(),
          peakGpu.get(),
          trackMinutes,
          spread);
    } finally {
      for (List<Served> pool : pools.values()) {
        for (Served worker : pool) {
          worker.close();
        }
      }
      if (service != null) {
        service.shutdownNow();
      }
      server.close();
    }
  }

  private static List<CompletableFuture<TrackIngestResult>> startAll(
      WorkflowClient client, Path store, String tag, List<Path> sources) throws Exception {
    List<CompletableFuture<TrackIngestResult>> ends = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      TrackIngestWorkflow track =
          TrackRuns.start(client, store, tag + "-" + i, sources.get(i), List.of());
      ends.add(WorkflowStub.fromTyped(track).getResultAsync(TrackIngestResult.class));
    }
    return ends;
  }

  /** Every track published, or the run is not a measurement. */
  private static void awaitAll(List<CompletableFuture<TrackIngestResult>> ends) throws Exception {
    CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(2, TimeUnit.HOURS);
    for (CompletableFuture<TrackIngestResult> end : ends) {
      if (end.get().manifest() == null) {
        throw new IllegalStateException("a track ended without a manifest: " + end.get());
      }
    }
  }

  private static Served worker(Path dir, String pool, int index, String target) throws Exception {
    Path workDir = Files.createDirectories(dir.resolve("work-" + pool + "-" + index));
    Path jar = Path.of("app", "target", "audiostems.jar").toAbsolutePath();
    return Served.start(
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-jar",
            jar.toString(),
            "worker",
            "--pool",
            pool,
            "--temporal",
            target,
            "--audiostems.storage.root=" + dir.resolve("store"),
            "--audiostems.work-dir=" + workDir,
            "--audiostems.watermark.generated-key-file=" + dir.resolve("watermark-key")));
  }

  private static long backlog(WorkflowClient client, String queue) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .describeTaskQueue(
            DescribeTaskQueueRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)
                .setReportStats(true)
                .build())
        .getStats()
        .getApproximateBacklogCount();
  }

  /** CPU-seconds each pool's processes have spent so far, their waited-for children included. */
  private static Map<String, Double> cpuSecondsByPool(Map<String, List<Served>> pools)
      throws IOException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (var pool : pools.entrySet()) {
      double sum = 0;
      for (Served worker : pool.getValue()) {
        sum += cpuSecondsWithChildren(worker.handle().pid());
      }
      seconds.put(pool.getKey(), sum);
    }
    return seconds;
  }

  private static double cpuSecondsWithChildren(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the command's closing parenthesis: state is field 3, utime..cstime 14..17.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = 0;
    for (int field = 14; field <= 17; field++) {
      ticks += Long.parseLong(fields[field - 3]);
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
  }

  /**
   * What the measured CPU cost means for the specification's 10,000 five-minute tracks an hour:
   * vCPUs, hosts of a few sizes at a 70 % utilisation target, and the backlog per CPU task at which
   * the autoscaler should add one.
   */
  private static void printCostModel(List<Result> results, double trackSeconds) {
    Result best =
        results.stream()
            .min(
                (a, b) ->
                    Double.compare(a.cpuSecondsPerTrackMinute(), b.cpuSecondsPerTrackMinute()))
            .orElseThrow();
    double perTrackMinute = best.cpuSecondsPerTrackMinute();
    double cpuShare =
        best.cpuPoolSeconds() / (best.cpuSecondsPerTrackMinute() * best.trackMinutes());
    double trackMinutesPerHour = 10_000 * 5.0;
    double cores = trackMinutesPerHour * perTrackMinute / 3600;
    double utilisation = 0.7;
    System.out.printf(
        Locale.ROOT,
        "%nCost model (lowest measured cost: %.2f CPU-seconds per track-minute, %.0f %% of it in the"
            + " cpu pool):%n",
        perTrackMinute,
        100 * cpuShare);
    System.out.printf(
        Locale.ROOT,
        "  10,000 five-minute tracks an hour = %.0f track-minutes an hour = %.0f vCPUs busy"
            + " all hour; at %.0f %% utilisation %.0f vCPUs%n",
        trackMinutesPerHour,
        cores,
        100 * utilisation,
        cores / utilisation);
    // This machine's CPUs are vCPUs (hyper-threads of the host), as a cloud host's are.
    for (int vcpus : new int[] {8, 16, 32, 64}) {
      System.out.printf(
          Locale.ROOT, "  hosts of %d vCPU: %.0f%n", vcpus, Math.ceil(cores / utilisation / vcpus));
    }
    // A CPU task of c cores finishes c / (CPU-seconds per track) tracks a second; tracks waiting in
    // audio-cpu beyond what it finishes within the time a new task takes to start (2 minutes on
    // Fargate, image pull included) are work the pool will not reach in time: the target backlog.
    double perTrackCpuSeconds = perTrackMinute * 5;
    for (int taskCores : new int[] {4, 8}) {
      double tracksPerTaskStart = taskCores * 120 / perTrackCpuSeconds;
      System.out.printf(
          Locale.ROOT,
          "  a cpu task of %d vCPU finishes %.1f five-minute tracks in the 2 minutes a new task"
              + " takes to start: add a task above %.0f waiting per running task%n",
          taskCores,
          tracksPerTaskStart,
          Math.max(1, Math.floor(tracksPerTaskStart)));
    }
    System.out.printf(
        Locale.ROOT,
        "  (measured on %.0f s tracks; a five-minute track is counted as 5 times)%n",
        trackSeconds);
  }
}
