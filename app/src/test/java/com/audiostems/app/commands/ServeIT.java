package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackSearchAttributes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems serve} from the packaged jar, on the real Temporal CLI dev server: the CPU pool
 * publishes a track started by another client, {@code process --temporal} runs against it, SIGTERM
 * stops it, and a restart on the same SQLite file still knows the finished workflow.
 */
class ServeIT {
  @TempDir Path temp;

  @Test
  void serveRunsTheCpuPoolOnTheCliDevServerAndKeepsHistoryAcrossRestarts() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "ServeIT runs the real Temporal CLI dev server and found no `temporal` on PATH or in"
                            + " $HOME/go/bin. Install it: "
                            + TemporalCli.INSTALL));
    int port = freePort();
    int uiPort = freePort();
    String target = "127.0.0.1:" + port;
    Path dataDir = temp.resolve("data");
    Path store = temp.resolve("store");
    List<String> serve =
        command(
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--audiostems.temporal.cli-path=" + cli,
            "--audiostems.temporal.port=" + port,
            "--audiostems.temporal.ui-port=" + uiPort,
            // A free port for the gateway: this test is about the server and the workers.
            "--audiostems.serve.gateway-port=0",
            "--audiostems.storage.root=" + store);

    TrackIngestResult published;
    try (Served served = Served.start(serve)) {
      assertThat(served.output())
          .contains("Serving on the Temporal dev server (" + cli)
          .contains(dataDir.resolve("temporal.db").toString())
          .contains("Temporal gRPC: " + target + " (namespace default)")
          .contains("Web UI:        http://127.0.0.1:" + uiPort)
          .contains("Store root:    " + store)
          .doesNotContain("in-process");
      assertThat(httpStatus("http://127.0.0.1:" + uiPort + "/")).isEqualTo(200);
      assertThat(customSearchAttributes(target))
          .containsAllEntriesOf(
              TrackSearchAttributes.ALL.stream()
                  .collect(
                      Collectors.toMap(
                          k -> k.getName(), k -> IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)));

      Path source = TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 2.0);
      published =
          withClient(
              target, client -> TrackRuns.ingest(client, store, "served-1", source, List.of()));
      assertPublished(store, "served-1", published);

      // process --temporal against the same server, with its own workers beside serve's: both
      // work on the same store, as every worker of one server must.
      Process process =
          new ProcessBuilder(
                  command(
                      "process",
                      source.toString(),
                      "--temporal",
                      target,
                      "--out",
                      store.toString(),
                      "--formats",
                      "flac",
                      "--track-id",
                      "via-process",
                      "--duplicates",
                      "link"))
              .redirectErrorStream(true)
              .start();
      String processOutput =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(processOutput).isZero();
      assertThat(processOutput)
          .contains("on the Temporal server at " + target)
          .contains("Verified: 1 outputs, 1 of 1 checks passed");

      // A second serve on the same port fails in words, and leaves the first one running.
      Process second =
          new ProcessBuilder(
                  command(
                      "serve",
                      "--data-dir",
                      temp.resolve("data-2").toString(),
                      "--audiostems.temporal.cli-path=" + cli,
                      "--audiostems.temporal.port=" + port,
                      "--audiostems.temporal.ui-port=0"))
              .redirectErrorStream(true)
              .start();
      String secondOutput =
          new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(second.exitValue()).as(secondOutput).isEqualTo(ExitCodes.FAILED);
      assertThat(secondOutput)
          .contains("audiostems: The Temporal dev server did not start (port " + port)
          .contains("address already in use")
          .doesNotContain("\tat ");
      assertThat(customSearchAttributes(target)).containsKey("TrackId");

      String stopped = served.stop();
      assertThat(stopped).contains("Stopping: running tasks may finish first").contains("Stopped.");
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("the dev server stops with serve")
        .isInstanceOf(ConnectException.class);

    try (Served again = Served.start(serve)) {
      Map<String, Object> described =
          withClient(
              target,
              client -> {
                WorkflowExecutionStatus status =
                    client
                        .getWorkflowServiceStubs()
                        .blockingStub()
                        .describeWorkflowExecution(
                            DescribeWorkflowExecutionRequest.newBuilder()
                                .setNamespace("default")
                                .setExecution(
                                    WorkflowExecution.newBuilder()
                                        .setWorkflowId(TrackIngestWorkflow.workflowId("served-1")))
                                .build())
                        .getWorkflowExecutionInfo()
                        .getStatus();
                TrackIngestResult result =
                    client
                        .newUntypedWorkflowStub(TrackIngestWorkflow.workflowId("served-1"))
                        .getResult(TrackIngestResult.class);
                return Map.of("status", status, "result", result);
              });
      assertThat(described.get("status"))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
      assertThat(described.get("result"))
          .as("the result, read back from the SQLite file")
          .isEqualTo(published);
      assertThat(customSearchAttributes(target))
          .containsKeys("TrackId", "TrackStage", "TrackTier", "TrackOutcome");
      again.stop();
    }
  }

  private static void assertPublished(Path store, String trackId, TrackIngestResult published)
      throws Exception {
    JsonNode manifest =
        new ObjectMapper().readTree(store.resolve("tracks/" + trackId + "/manifest.json").toFile());
    assertThat(manifest.get("workflowId").asText())
        .isEqualTo(TrackIngestWorkflow.workflowId(trackId));
    assertThat(manifest.get("outputs")).hasSize(6);
    assertThat(published.manifest().outputs()).hasSize(6);
    for (JsonNode output : manifest.get("outputs")) {
      Path file = store.resolve(output.get("key").asText());
      assertThat(output.get("sha256").asText()).as(file.toString()).isEqualTo(sha256(file));
    }
    assertThat(manifest.get("verification").get("checks"))
        .allSatisfy(check -> assertThat(check.get("passed").asBoolean()).isTrue());
  }

  private interface WithClient<T> {
    T apply(WorkflowClient client) throws Exception;
  }

  private static <T> T withClient(String target, WithClient<T> work) throws Exception {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return work.apply(WorkflowClient.newInstance(service));
    } finally {
      service.shutdown();
      service.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Map<String, IndexedValueType> customSearchAttributes(String target) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target)
                .validateAndBuildWithDefaults());
    try {
      return operator
          .blockingStub()
          .listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
          .getCustomAttributesMap();
    } finally {
      operator.shutdown();
    }
  }

  private List<String> command(String... args) {
    return Served.command(temp.resolve("work"), args);
  }

  private static int httpStatus(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() throws IOException {
    return Served.freePort();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
