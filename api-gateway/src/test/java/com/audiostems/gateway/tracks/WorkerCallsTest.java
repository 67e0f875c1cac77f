package com.audiostems.gateway.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.gateway.config.TemporalProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerCallsTest {
  private final WorkerCalls workers =
      new WorkerCalls(
          new TemporalProperties(
              "localhost:7233", "default", Duration.ofSeconds(5), Duration.ofMillis(300)));

  @AfterEach
  void stop() {
    workers.destroy();
  }

  @Test
  void anAnswerComesBack() {
    assertThat(workers.callWithinTimeout(() -> "stage")).contains("stage");
  }

  @Test
  void aServerThatSawNoPollerLatelyIsWorkersThatDidNotAnswer() {
    // What the dev server answered a status query at 1,000 tracks in flight (the gateway gave 500).
    StatusRuntimeException noPoller =
        Status.FAILED_PRECONDITION
            .withDescription("no poller seen for task queue recently, worker may be down")
            .asRuntimeException();
    assertThat(
            workers.callWithinTimeout(
                () -> {
                  throw new RuntimeException("query failed", noPoller);
                }))
        .isEmpty();
  }

  @Test
  void aCallPastTheWorkerTimeoutIsEmpty() {
    assertThat(
            workers.callWithinTimeout(
                () -> {
                  throw Status.DEADLINE_EXCEEDED.asRuntimeException();
                }))
        .isEmpty();
  }

  @Test
  void otherFailuresStillFail() {
    StatusRuntimeException other =
        Status.FAILED_PRECONDITION.withDescription("something else").asRuntimeException();
    assertThatThrownBy(
            () ->
                workers.callWithinTimeout(
                    () -> {
                      throw other;
                    }))
        .isSameAs(other);
  }
}
