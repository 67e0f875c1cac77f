package com.audiostems.workflows.licence;

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
 * Replays recorded histories of the licence workflow against today's code. A licence lives for its
 * term, months or years: a change that would make a running licence's history take another path
 * fails here, and belongs behind {@code Workflow.getVersion} with a new history beside these (see
 * the module's README). The histories are recorded by {@link LicenceWorkflowTest} with {@code
 * -Daudiostems.recordHistories=DIR}.
 */
class LicenceReplayTest {
  /** The journeys every change must still replay; more may be added, none may go. */
  private static final List<String> REQUIRED =
      List.of(
          "granted-expired-by-timer",
          "granted-expired-by-signal",
          "granted-revoked",
          "granted-extended-expired",
          "invalid-terms",
          "resumed-past-its-end");

  static Stream<Path> histories() throws IOException, URISyntaxException {
    Path directory = Path.of(LicenceReplayTest.class.getResource("/histories/licence").toURI());
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
   * A replay worker whose deadlock detection is patient with a loaded CI machine's class loading.
   */
  private static TestWorkflowEnvironment environment;

  private static Worker replayer;

  @BeforeAll
  static void startReplayer() {
    environment = TestWorkflowEnvironment.newInstance();
    replayer =
        environment.newWorker(
            "licence-replay",
            WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                .build());
    replayer.registerWorkflowImplementationTypes(LicenceWorkflowImpl.class);
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
