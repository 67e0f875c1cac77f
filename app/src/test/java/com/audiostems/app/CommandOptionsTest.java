package com.audiostems.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments of {@code serve} and {@code worker}, and the usage errors they answer before starting. */
class CommandOptionsTest {

  @Test
  void serveTakesADataDirectory() {
    assertThat(ServeOptions.parse(List.of()).settings()).isEmpty();
    assertThat(ServeOptions.parse(List.of("--data-dir", "/srv/a", "--audiostems.temporal.ui-port=0")).settings())
        .isEqualTo(Map.of("audiostems.temporal.data-dir", "/srv/a"));
    assertThatThrownBy(() -> ServeOptions.parse(List.of("--data-dir"))).hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> ServeOptions.parse(List.of("x.wav"))).hasMessage("Unexpected argument x.wav");
  }

  @Test
  void workerFlagsBecomeTemporalSettings() {
    WorkerOptions options =
        WorkerOptions.parse(List.of("--pool", "cpu", "--temporal=ns.acct.tmprl.cloud:7233", "--namespace", "ns.acct", "--api-key", "k"));

    assertThat(options.pool()).isEqualTo("cpu");
    assertThat(options.settings())
        .isEqualTo(
            Map.of(
                "audiostems.temporal.target", "ns.acct.tmprl.cloud:7233",
                "audiostems.temporal.namespace", "ns.acct",
                "audiostems.temporal.api-key", "k"));
    assertThat(WorkerOptions.parse(List.of("--pool", "cpu", "--tls-cert", "c.pem", "--tls-key", "k.pem")).settings())
        .containsEntry("audiostems.temporal.tls.cert", "c.pem")
        .containsEntry("audiostems.temporal.tls.key", "k.pem");
  }

  @Test
  void workerRefusesWhatItCannotDo() {
    assertThatThrownBy(() -> WorkerOptions.parse(List.of("--temporal", "h:1"))).hasMessage("Missing --pool cpu|gpu|catalogue");
    assertThatThrownBy(() -> WorkerOptions.parse(List.of("--pool", "tpu"))).hasMessageContaining("Unknown pool 'tpu'");
    assertThatThrownBy(() -> WorkerOptions.parse(List.of("--pool", "cpu", "--tls-cert", "c.pem")))
        .hasMessage("--tls-cert and --tls-key go together");
    assertThatThrownBy(() -> WorkerOptions.parse(List.of("--pool", "cpu", "--tls-cert", "c", "--tls-key", "k", "--api-key", "a")))
        .hasMessageContaining("not both");
  }

  @Test
  void bothPoolsCanBeRunAlone() {
    assertThat(WorkerOptions.parse(List.of("--pool", "cpu", "--temporal", "h:7233")).pool()).isEqualTo("cpu");
    assertThat(WorkerOptions.parse(List.of("--pool", "gpu", "--temporal", "h:7233")).pool()).isEqualTo("gpu");
    assertThatThrownBy(() -> WorkerOptions.parse(List.of("--temporal", "h:7233"))).hasMessage("Missing --pool cpu|gpu|catalogue");
  }

  @Test
  void aWorkerWithoutAServerIsAUsageError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        AudiostemsApplication.run(
            new String[] {"worker", "--pool", "cpu"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ProcessCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("worker needs --temporal HOST:PORT");
  }

  @Test
  void theUsageNamesEveryCommand() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(AudiostemsApplication.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("audiostems process FILE")
        .contains("audiostems serve [--data-dir DIR]")
        .contains("audiostems worker --pool cpu|gpu|catalogue --temporal HOST:PORT")
        .contains("audiostems gateway --temporal HOST:PORT")
        .contains("audiostems identify FILE")
        .contains("audiostems reference add FILE --id ID");
  }

  @Test
  void credentialSettingsAreCheckedAtStartUp() {
    assertThatThrownBy(() -> AudiostemsApplication.start(new String[] {"--audiostems.temporal.tls.cert=/c.pem"}, Map.of()).close())
        .rootCause()
        .hasMessageContaining("audiostems.temporal.tls needs both cert and key");
    assertThatThrownBy(
            () ->
                AudiostemsApplication.start(
                        new String[] {"--audiostems.temporal.tls.cert=/c.pem", "--audiostems.temporal.tls.key=/k.pem"},
                        Map.of("audiostems.temporal.api-key", "k"))
                    .close())
        .rootCause()
        .hasMessageContaining("set audiostems.temporal.tls or audiostems.temporal.api-key, not both");
  }
}
