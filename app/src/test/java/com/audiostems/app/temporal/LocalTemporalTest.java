package com.audiostems.app.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.app.AudiostemsProperties;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code serve} without a Temporal CLI: the in-process server, and one line that says so. */
@ExtendWith(OutputCaptureExtension.class)
class LocalTemporalTest {
  @TempDir Path temp;

  static AudiostemsProperties.Temporal settings(Path dataDir) {
    return new AudiostemsProperties.Temporal(
        "",
        dataDir,
        0,
        0,
        Duration.ofSeconds(60),
        "",
        "default",
        new AudiostemsProperties.Tls(null, null),
        "",
        Duration.ofSeconds(5));
  }

  @Test
  void withoutACliItServesInProcessAndSaysSoInOneLine(CapturedOutput output) throws Exception {
    try (LocalTemporal temporal =
        LocalTemporal.start(settings(temp.resolve("data")), Optional.empty())) {
      assertThat(temporal.description()).isEqualTo("in-process Temporal server");
      assertThat(temporal.target()).isEmpty();
      assertThat(temporal.uiUrl()).isEmpty();
      assertThat(
              temporal
                  .client()
                  .getWorkflowServiceStubs()
                  .blockingStub()
                  .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()))
          .isNotNull();
    }
    assertThat(output.getAll().lines().filter(line -> line.contains("No Temporal CLI found")))
        .singleElement()
        .asString()
        .contains("WARN")
        .contains("in-process Temporal server")
        .contains("go install github.com/temporalio/cli/cmd/temporal@v1.5.1");
    assertThat(temp.resolve("data"))
        .as("nothing is written for an in-process server")
        .doesNotExist();
  }
}
