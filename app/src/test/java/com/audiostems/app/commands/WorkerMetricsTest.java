package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.pools.Pool;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker's {@code /actuator/prometheus} after a real track: the stage timers, the CPU cost of the
 * encode (ffmpeg's and the JVM's), the track counters and Temporal's own metrics.
 */
class WorkerMetricsTest {
  @TempDir Path temp;

  @Test
  void aWorkersPrometheusEndpointShowsStageTimersAndTheCpuCostOfATrack() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + port;
    Path store = temp.resolve("store");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String scrape;
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            AudiostemsApplication.start(
                new String[] {
                  "--audiostems.work-dir=" + temp.resolve("work"),
                  "--audiostems.storage.root=" + store,
                  "--audiostems.temporal.data-dir=" + temp.resolve("data"),
                  "--audiostems.metrics.port=0",
                  "--audiostems.metrics.temporal-report-interval=200ms"
                },
                Map.of("audiostems.temporal.target", target));
        AutoCloseable cpu =
            context
                .getBean(WorkerRunner.class)
                .start(Pool.CPU, new PrintStream(out, true, StandardCharsets.UTF_8));
        AutoCloseable gpu =
            context
                .getBean(WorkerRunner.class)
                .start(Pool.GPU, new PrintStream(new ByteArrayOutputStream(), true));
        AutoCloseable catalogue =
            context
                .getBean(WorkerRunner.class)
                .start(Pool.CATALOGUE, new PrintStream(new ByteArrayOutputStream(), true))) {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        Path source = TestAudio.wav(temp.resolve("demo.wav"), 44_100, 16, 2, 3.0);
        TrackRuns.ingest(
            WorkflowClient.newInstance(service),
            store,
            "metered",
            source,
            List.of(OutputFormat.FLAC, OutputFormat.MP3_320));
      } finally {
        service.shutdown();
      }
      Matcher url =
          Pattern.compile("Metrics: (http://\\S+/actuator/prometheus)")
              .matcher(out.toString(StandardCharsets.UTF_8));
      assertThat(url.find()).as("the worker prints its metrics URL").isTrue();
      // The workflow's counters reach the registry at the next tally report (200 ms here).
      long deadline = System.nanoTime() + 10_000_000_000L;
      do {
        scrape = get(url.group(1));
        Thread.sleep(100);
      } while (value(scrape, "audiostems_tracks_started_total", "").isEmpty()
          && System.nanoTime() < deadline);
    }

    for (String stage : List.of("Probe", "Validate", "EncodeLane", "VerifyOutputs", "Analyze")) {
      assertThat(
              value(scrape, "audiostems_stage_duration_seconds_count", "stage=\"" + stage + "\""))
          .as(stage + "'s timer")
          .hasValueSatisfying(count -> assertThat(count).isGreaterThan(0));
    }
    assertThat(scrape)
        .as("a histogram, for p95 across workers")
        .contains("audiostems_stage_duration_seconds_bucket{");
    assertThat(
            value(
                scrape,
                "audiostems_stage_cpu_seconds_total",
                "source=\"ffmpeg\",stage=\"EncodeLane\""))
        .as("ffmpeg's CPU in the encode")
        .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThan(0));
    assertThat(
            value(scrape, "audiostems_stage_cpu_seconds_total", "source=\"jvm\",stage=\"Analyze\""))
        .as("the analysis's JVM thread CPU")
        .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThan(0));
    assertThat(value(scrape, "audiostems_encode_cpu_seconds_sum", "formats="))
        .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThan(0));
    assertThat(value(scrape, "audiostems_tracks_published_total", "")).hasValue(1.0);
    assertThat(value(scrape, "audiostems_tracks_started_total", "")).hasValue(1.0);
    assertThat(value(scrape, "audiostems_quality_score_count", "")).hasValue(1.0);
    assertThat(scrape)
        .as("Temporal's SDK metrics on the same registry")
        .containsPattern("(?m)^temporal_activity_execution_latency_seconds_count\\{")
        .as("the backlog gauge of each polled queue")
        .contains("audiostems_temporal_task_queue_backlog{")
        .contains("task_queue=\"audio-cpu\"");
  }

  private static String get(String url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    }
  }

  /** The sum over the series of {@code name} whose labels contain {@code labels}; empty if none. */
  static Optional<Double> value(String scrape, String name, String labels) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$");
    Matcher m = line.matcher(scrape);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      String tags = m.group(1) == null ? "" : m.group(1);
      if (tags.contains(labels)) {
        sum += Double.parseDouble(m.group(2));
        found = true;
      }
    }
    return found ? Optional.of(sum) : Optional.empty();
  }
}
