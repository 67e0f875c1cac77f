package com.audiostems.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProcessCpuTest {

  @Test
  void dashsReportIsTakenOffTheErrorTextAndAddsUserAndSystemTime() {
    String stderr =
        "[mp3 @ 0x1] a warning\n\n"
            + ChildProcessCpu.MARKER
            + "\n0m0.001000s 0m0.002000s\n1m2.500000s 0m0.250000s\n";

    ChildProcessCpu.Report report = ChildProcessCpu.parse(stderr);

    assertThat(report.stderr()).isEqualTo("[mp3 @ 0x1] a warning");
    assertThat(report.cpuNanos()).isEqualTo(62_750_000_000L);
  }

  @Test
  void bashsReportInALocaleWithADecimalCommaReadsTheSame() {
    ChildProcessCpu.Report report =
        ChildProcessCpu.parse(
            "\n" + ChildProcessCpu.MARKER + "\n0m0,001s 0m0,002s\n0m1,500s 0m0,250s\n");

    assertThat(report.stderr()).isEmpty();
    assertThat(report.cpuNanos()).isEqualTo(1_750_000_000L);
  }

  @Test
  void aMissingReportLeavesTheErrorTextAsItWasAndNoTime() {
    ChildProcessCpu.Report report = ChildProcessCpu.parse("Killed");

    assertThat(report).isEqualTo(new ChildProcessCpu.Report("Killed", -1));
  }

  @Test
  void aRealFfmpegRunReportsItsCpuTimeAndKeepsItsExitStatusAndOutput() throws Exception {
    // 60 s of a sine encoded to FLAC: tens of milliseconds of CPU at least on any machine.
    Run run =
        run(
            List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=1000:duration=60",
                "-c:a",
                "flac",
                "-f",
                "null",
                "-"));

    assertThat(run.exit()).isZero();
    assertThat(run.report().stderr()).isEmpty();
    assertThat(run.report().cpuNanos()).isGreaterThan(0);
  }

  @Test
  void theCommandsExitStatusAndArgumentsPassThroughTheShellUntouched() throws Exception {
    Run run = run(List.of("sh", "-c", "printf '%s' \"$1\" >&2; exit 3", "x", "$HOME; `id`"));

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.report().stderr()).isEqualTo("$HOME; `id`");
    assertThat(run.report().cpuNanos()).isGreaterThanOrEqualTo(0);
  }

  private record Run(int exit, ChildProcessCpu.Report report) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(ChildProcessCpu.measured(command)).start();
    process.getOutputStream().close();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    return new Run(exit, ChildProcessCpu.parse(stderr));
  }
}
