package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command in a JVM of its own, as a user runs it: {@code java -jar audiostems.jar
 * process FILE}.
 */
class ProcessCommandIT {
  @TempDir Path temp;

  @Test
  void thePackagedCommandPublishesATrack() throws Exception {
    Path jar = Path.of("target", "audiostems.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path source = TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 2.0);
    Path out = temp.resolve("out");
    String java = ProcessHandle.current().info().command().orElse("java");

    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "process",
                    source.toString(),
                    "--out",
                    out.toString(),
                    "--track-id",
                    "cd-1",
                    "--audiostems.work-dir=" + temp.resolve("work"),
                    "--audiostems.temporal.data-dir=" + temp.resolve("data")))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("Processing cd.wav as track cd-1")
        .contains("Verified: 6 outputs, 9 of 9 checks passed");
    assertThat(out.resolve("tracks/cd-1/manifest.json")).exists();
    try (var files = Files.list(out.resolve("tracks/cd-1/v1/outputs"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "preview-128k.mp3",
              "mp3-320k.mp3",
              "aac-256k.m4a",
              "flac.flac",
              "alac.m4a",
              "wav-24bit.wav");
    }
  }
}
