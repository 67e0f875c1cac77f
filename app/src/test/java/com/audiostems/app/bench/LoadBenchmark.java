package com.audiostems.app.bench;

import com.audiostems.activities.catalogue.SynthesisedTracks;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.dsp.testing.music.WavWriter;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: N tracks submitted at once through {@code serve}'s REST gateway (upload location,
 * PUT, start with every output), then followed to their end; prints the wall time, the gateway's
 * latency under that load (every request the clients made: uploads, starts and status polls), the
 * serve JVM's heap high-water mark (sampled each second from its Prometheus endpoint; serve runs
 * with {@code -Xmx1g}, the goal, so going over would end the run) and the activity timeouts in the
 * tracks' histories. Run it with bench/load.sh.
 */
public final class LoadBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEAP =
      Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.Ee+]+)$");

  private static final int UPLOADERS = 32;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final List<Double> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong serverErrors = new AtomicLong();
  private final List<String> unexpectedServerErrors =
      Collections.synchronizedList(new ArrayList<>());

  public static void main(String[] args) throws Exception {
    int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
    new LoadBenchmark().run(tracks, seconds);
  }

  private void run(int tracks, double trackSeconds) throws Exception {
    Path dir = Files.createTempDirectory("audiostems-load");
    Path cli =
        TemporalCli.locate(null)
            .orElseThrow(() -> new IllegalStateException("install: " + TemporalCli.INSTALL));
    int gatewayPort = freePort();
    int temporalPort = freePort();
    int metricsPort = freePort();
    Path jar = Path.of("app", "target", "audiostems.jar").toAbsolutePath();
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx1g",
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            jar.toString(),
            "serve",
            "--data-dir",
            dir.resolve("data").toString(),
            "--audiostems.temporal.cli-path=" + cli,
            "--audiostems.temporal.port=" + temporalPort,
            "--audiostems.temporal.ui-port=0",
            "--audiostems.serve.gateway-port=" + gatewayPort,
            "--audiostems.metrics.port=" + metricsPort,
            "--audiostems.storage.root=" + dir.resolve("store"),
            "--audiostems.work-dir=" + dir.resolve("work"));
    Path log = dir.resolve("serve.out");
    Process serve =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String started = awaitStarted(serve, log);
      String apiKey = group(started, "API key:\\s+(\\S+)");
      String api = "http://127.0.0.1:" + gatewayPort;
      String metrics = "http://127.0.0.1:" + metricsPort + "/actuator/prometheus";

      System.out.printf(
          Locale.ROOT,
          "%d tracks of %.1f s (distinct generated music, 44.1 kHz/16-bit stereo WAV, every output)"
              + " through one serve (-Xmx1g) by %d uploaders, %d cores%n",
          tracks,
          trackSeconds,
          UPLOADERS,
          Runtime.getRuntime().availableProcessors());
      List<byte[]> sources = new ArrayList<>();
      for (int i = 0; i < tracks; i++) {
        sources.add(Files.readAllBytes(music(dir, i, trackSeconds)));
      }

      AtomicLong heapHighWater = new AtomicLong();
      AtomicLong liveHighWater = new AtomicLong();
      Thread sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      try {
                        HeapSample sample = heap(metrics);
                        heapHighWater.accumulateAndGet(sample.usedBytes(), Math::max);
                        liveHighWater.accumulateAndGet(sample.liveAfterGcBytes(), Math::max);
                        Thread.sleep(1000);
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        // a scrape missed under load: the next one counts
                      }
                    }
                  });

      long start = System.nanoTime();
      Map<Integer, String> trackIds = new ConcurrentHashMap<>();
      // Uploaders side by side, as many as a busy ingest front would run; each submits its share
      // one after another (1,000 simultaneous uploads measure the socket backlog, not the
      // service).
      try (ExecutorService clients = Executors.newFixedThreadPool(UPLOADERS)) {
        List<Future<?>> submitted = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
          int index = i;
          submitted.add(
              clients.submit(
                  () -> {
                    trackIds.put(index, submit(api, apiKey, "load-" + index, sources.get(index)));
                    return null;
                  }));
        }
        for (Future<?> future : submitted) {
          future.get();
        }
      }
      double submittedSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "all %d submitted in %.1f s%n", tracks, submittedSeconds);

      Map<String, String> ends = followToTheEnd(api, apiKey, trackIds.values());
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();

      Map<String, Long> outcomes = new TreeMap<>();
      ends.values().forEach(end -> outcomes.merge(end, 1L, Long::sum));
      Map<TimeoutType, Long> timeouts = activityTimeouts(temporalPort, trackIds.values());
      List<Double> sorted = new ArrayList<>(latenciesMillis);
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT, "%nwall time, first upload to last end: %.1f s%n", wallSeconds);
      System.out.printf(Locale.ROOT, "throughput: %.0f tracks/hour%n", tracks / wallSeconds * 3600);
      System.out.println("outcomes: " + outcomes);
      System.out.printf(
          Locale.ROOT,
          "gateway latency over %d requests: p50 %.0f ms, p99 %.0f ms, max %.0f ms; 5xx (503"
              + " workers-unavailable: a status query the busy workers did not answer in 5 s): %d%n",
          sorted.size(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.getLast(),
          serverErrors.get());
      System.out.printf(
          Locale.ROOT,
          "5xx other than 503 workers-unavailable: %d%s%n",
          unexpectedServerErrors.size(),
          unexpectedServerErrors.isEmpty()
              ? ""
              : "; the first: " + unexpectedServerErrors.subList(0, 1));
      System.out.printf(
          Locale.ROOT,
          "serve heap high-water (sampled each second): %.0f MiB used of -Xmx1g (G1 fills the heap"
              + " before it collects); what survived a collection: at most %.0f MiB%n",
          heapHighWater.get() / 1048576.0,
          liveHighWater.get() / 1048576.0);
      System.out.println("activity timeouts in the tracks' histories: " + timeouts);
    } finally {
      serve.descendants().forEach(ProcessHandle::destroy);
      serve.destroy();
      serve.waitFor();
    }
  }

  private String submit(String api, String apiKey, String title, byte[] source) throws Exception {
    JsonNode location =
        json(
            timed(
                post(
                    api + "/v1/uploads",
                    apiKey,
                    Map.of("fileName", title + ".wav", "sizeBytes", source.length))),
            201);
    json(
        timed(
            HttpRequest.newBuilder(URI.create(location.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(source))
                .timeout(Duration.ofMinutes(5))
                .build()),
        200);
    JsonNode accepted =
        json(
            timed(
                post(
                    api + "/v1/tracks",
                    apiKey,
                    Map.of("uploadId", location.get("uploadId").asText(), "title", title))),
            202);
    return accepted.get("trackId").asText();
  }

  /** Polls every track's status until each is published or failed; returns track → end. */
  private Map<String, String> followToTheEnd(String api, String apiKey, Iterable<String> trackIds)
      throws Exception {
    Map<String, String> ends = new ConcurrentHashMap<>();
    List<String> open = new ArrayList<>();
    trackIds.forEach(open::add);
    long deadline = System.nanoTime() + Duration.ofHours(3).toNanos();
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(open.size() + " tracks did not end within 3 hours");
      }
      Thread.sleep(5000);
      try (ExecutorService clients = Executors.newFixedThreadPool(UPLOADERS)) {
        List<Future<?>> polls = new ArrayList<>();
        for (String trackId : open) {
          polls.add(
              clients.submit(
                  () -> {
                    HttpResponse<String> reply =
                        timed(
                            HttpRequest.newBuilder(URI.create(api + "/v1/tracks/" + trackId))
                                .header("X-Api-Key", apiKey)
                                .timeout(Duration.ofMinutes(5))
                                .build());
                    if (reply.statusCode() == 503 && reply.body().contains("workers-unavailable")) {
                      // The track's workers did not answer its progress query in time: asked
                      // again next round, as the problem says; counted among the 5xx.
                      return null;
                    }
                    if (reply.statusCode() >= 500) {
                      // A gateway bug, not the end of the measurement: counted, the first few
                      // shown at the end, and the track asked again next round.
                      unexpectedServerErrors.add(reply.statusCode() + " " + reply.body());
                      return null;
                    }
                    JsonNode status = json(reply, 200);
                    String stage = status.get("stage").asText();
                    String workflow = status.get("status").asText();
                    if ("PUBLISHED".equals(stage)) {
                      ends.put(trackId, "PUBLISHED");
                    } else if (!"running".equals(workflow)) {
                      ends.put(trackId, workflow + " " + stage + " " + status.path("failure"));
                    }
                    return null;
                  }));
        }
        for (Future<?> poll : polls) {
          poll.get();
        }
      }
      open.removeIf(ends::containsKey);
      System.out.printf(Locale.ROOT, "%d ended, %d open%n", ends.size(), open.size());
    }
    return ends;
  }

  private static Map<TimeoutType, Long> activityTimeouts(
      int temporalPort, Iterable<String> tracks) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      Map<TimeoutType, Long> timeouts = new EnumMap<>(TimeoutType.class);
      for (String track : tracks) {
        for (HistoryEvent event :
            client.fetchHistory(TrackIngestWorkflow.workflowId(track)).getEvents()) {
          if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT) {
            timeouts.merge(
                event
                    .getActivityTaskTimedOutEventAttributes()
                    .getFailure()
                    .getTimeoutFailureInfo()
                    .getTimeoutType(),
                1L,
                Long::sum);
          }
        }
      }
      return timeouts;
    } finally {
      service.shutdown();
    }
  }

  private HttpRequest post(String url, String apiKey, Object body) throws IOException {
    return HttpRequest.newBuilder(URI.create(url))
        .header("X-Api-Key", apiKey)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private HttpResponse<String> timed(HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    latenciesMillis.add((System.nanoTime() - start) / 1e6);
    if (response.statusCode() >= 500) {
      serverErrors.incrementAndGet();
    }
    return response;
  }

  private static JsonNode json(HttpResponse<String> response, int expected) throws IOException {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Heap used now and the old generation's size after the last collection, in bytes. */
  private record HeapSample(long usedBytes, long liveAfterGcBytes) {}

  private HeapSample heap(String metricsUrl) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double heap = 0;
    double live = 0;
    for (String line : body.split("\n")) {
      Matcher matcher = HEAP.matcher(line);
      if (matcher.matches()) {
        heap += Double.parseDouble(matcher.group(1));
      } else if (line.startsWith("jvm_gc_live_data_size_bytes ")) {
        live = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    return new HeapSample((long) heap, (long) live);
  }

  /** Distinct music per track (its own seed), so that the catalogue sees no duplicates. */
  static Path music(Path dir, int seed, double seconds) throws Exception {
    float[] mono = SynthesisedTracks.render(seed, seconds);
    Path rendered = dir.resolve("rendered-" + seed + ".wav");
    WavWriter.write(new float[][] {mono, mono}, SynthesisedTracks.RATE_HZ, rendered, 16);
    Path source =
        TestAudio.convert(
            rendered, dir.resolve("load-" + seed + ".wav"), "-ar", "44100", "-c:a", "pcm_s16le");
    Files.delete(rendered);
    return source;
  }

  private static String awaitStarted(Process serve, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      String printed = Files.readString(log);
      if (printed.contains("Ctrl-C or SIGTERM stops it.")) {
        return printed;
      }
      if (!serve.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("serve did not start:\n" + printed);
      }
      Thread.sleep(200);
    }
  }

  private static String group(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("serve did not print " + regex + ":\n" + text);
    }
    return matcher.group(1);
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
