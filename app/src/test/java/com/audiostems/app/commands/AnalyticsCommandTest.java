package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.pools.Pool;
import com.audiostems.ledger.ActivityCostRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.ProcessingRecord;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.TrackManifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real tracks through a worker's pools, then {@code audiostems analytics}: the processing records
 * the pipeline wrote (one published, one rejected) hold what the manifest and the measured
 * activities say, and the command's figures equal counts of those tracks.
 */
class AnalyticsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void aWorkersTracksAreRecordedAndTheCommandCountsThem() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + port;
    Path store = temp.resolve("store");
    // The ledger by URL, as a fleet's PostgreSQL is given (workers record only into a database
    // server, never into serve's embedded file): an H2 file here, the ledger's ITs cover
    // PostgreSQL.
    String jdbcUrl =
        "jdbc:h2:file:"
            + temp.resolve("db/ledger")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    String[] settings = {
      "--audiostems.work-dir=" + temp.resolve("work"),
      "--audiostems.storage.root=" + store,
      "--audiostems.temporal.data-dir=" + temp.resolve("data"),
      "--audiostems.metrics.storage-inventory-interval=200ms",
      "--audiostems.ledger.jdbc-url=" + jdbcUrl,
      "--audiostems.ledger.user=audiostems"
    };
    Instant before = Instant.now();
    TrackManifest manifest;
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            AudiostemsApplication.start(settings, Map.of("audiostems.temporal.target", target));
        AutoCloseable cpu = start(context, Pool.CPU);
        AutoCloseable gpu = start(context, Pool.GPU);
        AutoCloseable catalogue = start(context, Pool.CATALOGUE)) {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        WorkflowClient client = WorkflowClient.newInstance(service);
        Path source = TestAudio.wav(temp.resolve("demo.wav"), 44_100, 16, 2, 3.0);
        manifest =
            TrackRuns.ingest(client, store, "counted", source, List.of(OutputFormat.FLAC))
                .manifest();
        Path text =
            Files.writeString(
                temp.resolve("song.wav"), "this is not audio, just text\n".repeat(20));
        try {
          WorkflowStub.fromTyped(TrackRuns.start(client, store, "refused", text, List.of()))
              .getResult(Object.class);
        } catch (WorkflowFailedException expected) {
          // rejected: its record is what this test reads
        }
      } finally {
        service.shutdown();
      }

      Ledger ledger = context.getBean(Ledger.class);
      ProcessingRecord published = ledger.findProcessingRecord("counted").orElseThrow();
      assertThat(published.outcome()).isEqualTo(ProcessingRecord.Outcome.PUBLISHED);
      assertThat(published.stageMillis()).isEqualTo(manifest.stageMillis());
      assertThat(published.qualityScore()).isEqualTo(manifest.quality().score());
      assertThat(published.bpm()).isEqualTo(manifest.analysis().tempo().bpm());
      assertThat(published.musicalKey()).isEqualTo(manifest.analysis().key().name());
      assertThat(published.durationSeconds()).isEqualTo(manifest.source().decodedDurationSeconds());
      // The CPU of every activity measured up to the publish (the catalogue's index comes after).
      List<ActivityCostRecord> costs =
          ledger.activityCostsOfTrack("counted").stream()
              .filter(c -> !c.startedAt().isAfter(published.endedAt()))
              .toList();
      assertThat(costs)
          .extracting(ActivityCostRecord::activityType)
          .contains("Probe", "Validate", "EncodeLane", "Analyze", "PublishManifest");
      assertThat(published.jvmCpuMillis())
          .isEqualTo(costs.stream().mapToLong(ActivityCostRecord::jvmCpuMillis).sum());
      assertThat(published.ffmpegCpuMillis())
          .isEqualTo(costs.stream().mapToLong(ActivityCostRecord::ffmpegCpuMillis).sum())
          .as("ffmpeg encoded the FLAC")
          .isPositive();

      // The CPU pool gauges its store's bytes: the published track's files are among them.
      var storedBytes =
          context
              .getBean(com.audiostems.app.metrics.PipelineMetrics.class)
              .registry()
              .find("audiostems.storage.bytes")
              .tag("storage_class", "STANDARD")
              .gauge();
      assertThat(storedBytes).as("the stored-bytes gauge of the CPU pool's store").isNotNull();
      assertThat(storedBytes.value()).isPositive();

      ProcessingRecord rejected = ledger.findProcessingRecord("refused").orElseThrow();
      assertThat(rejected.outcome()).isEqualTo(ProcessingRecord.Outcome.REJECTED);
      assertThat(rejected.reasonCode()).isEqualTo(TrackFailures.NOT_AUDIO);
      assertThat(rejected.qualityScore()).isNull();
    }

    String from = before.minus(Duration.ofMinutes(1)).toString();
    String to = Instant.now().plus(Duration.ofMinutes(1)).toString();
    JsonNode processing =
        figures(
            settings,
            "processing",
            "--from",
            from,
            "--to",
            to,
            "--granularity",
            "month",
            "--jdbc-url",
            jdbcUrl);
    assertThat(processing.at("/totals/tracks").asLong()).isEqualTo(2);
    assertThat(processing.at("/totals/published").asLong()).isEqualTo(1);
    assertThat(processing.at("/totals/rejected").asLong()).isEqualTo(1);
    assertThat(processing.at("/totals/failureRate").asDouble()).isEqualTo(0.5);
    assertThat(processing.at("/failuresByReason/0/reasonCode").asText())
        .isEqualTo(TrackFailures.NOT_AUDIO);
    assertThat(processing.at("/stageTimes/0/stage").asText()).isEqualTo("PROBING");
    // Stage times count finished stages: the rejected track never finished probing.
    assertThat(processing.at("/stageTimes/0/tracks").asLong()).isEqualTo(1);
    assertThat(processing.at("/stageTimes/0/p50Millis").asLong())
        .isEqualTo(manifest.stageMillis().get("PROBING"));
    assertThat(processing.at("/totals/ffmpegCpuSeconds").asDouble()).isPositive();

    JsonNode quality = figures(settings, "quality", "--from", from, "--to", to);
    assertThat(quality.get("tracksScored").asLong()).isEqualTo(1);
    assertThat(quality.get("meanScore").asDouble()).isEqualTo((double) manifest.quality().score());

    JsonNode business = figures(settings, "business", "--from", from, "--to", to);
    assertThat(business.at("/deliveries/total").asLong()).isZero();
    assertThat(business.get("hourOfDayUtc")).hasSize(24);

    CommandRun bad =
        CommandRun.in(temp, "analytics", "processing", "--granularity", "year", settings[1]);
    assertThat(bad.exitCode()).as(bad.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("granularity must be day, week or month");
    CommandRun nowhere =
        CommandRun.in(temp, "analytics", "quality", "--out", temp.resolve("empty").toString());
    assertThat(nowhere.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(nowhere.err()).contains("there is no ledger at");
  }

  private static AutoCloseable start(ConfigurableApplicationContext context, Pool pool)
      throws Exception {
    return context
        .getBean(WorkerRunner.class)
        .start(pool, new PrintStream(new ByteArrayOutputStream(), true));
  }

  private JsonNode figures(String[] settings, String question, String... options) throws Exception {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(question),
                java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(options),
                    java.util.stream.Stream.of(settings[1], settings[5], settings[4])))
            .toArray(String[]::new);
    CommandRun run = CommandRun.in(temp, "analytics", args);
    assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
    return JSON.readTree(run.out());
  }
}
