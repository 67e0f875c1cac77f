package com.audiostems.workflows.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of the track workflow against today's code. A track is a long-lived
 * entity: a change that would make a running track's history take another path fails here, and
 * belongs behind {@code Workflow.getVersion} with a new history beside these (see the module's
 * README). The histories are recorded by {@link TrackIngestWorkflowTest} with {@code
 * -Daudiostems.recordHistories=src/test/resources/histories/track}.
 */
class TrackIngestReplayTest {
  /** The journeys every change must still replay; more may be added, none may go. */
  private static final List<String> REQUIRED =
      List.of(
          "first-ingest-every-output",
          "reprocess",
          "rejected-and-compensated",
          "held-for-review-approved",
          "continue-as-new-first-run",
          "rejected-records-its-end");

  static Stream<Path> histories() throws IOException, URISyntaxException {
    Path directory = Path.of(TrackIngestReplayTest.class.getResource("/histories/track").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void everyRequiredJourneyHasARecordedHistory() throws Exception {
    assertThat(histories().map(f -> f.getFileName().toString().replace(".json", "")))
        .containsAll(REQUIRED);
  }

  /**
   * Replays on a worker of its own whose deadlock detection waits longer than the SDK's default
   * second: on a loaded 2-core CI machine the first replay's class loading alone can take that.
   */
  private static TestWorkflowEnvironment environment;

  private static Worker replayer;

  @BeforeAll
  static void startReplayer() {
    environment = TestWorkflowEnvironment.newInstance();
    replayer =
        environment.newWorker(
            "track-replay",
            WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                .build());
    replayer.registerWorkflowImplementationTypes(TrackIngestWorkflowImpl.class);
  }

  @AfterAll
  static void stopReplayer() {
    environment.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void aRecordedHistoryReplaysOnTodaysCode(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), replayer);
  }
}
