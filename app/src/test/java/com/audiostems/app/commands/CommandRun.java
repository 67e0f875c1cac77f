package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One {@code audiostems} command line run in this JVM, as the end-to-end command tests run them:
 * its exit code and what it printed. The work and Temporal data directories go under the test's
 * temporary directory, so runs of one test share them and tests never do.
 */
record CommandRun(int exitCode, String out, String err) {

  /** Both streams, for an assertion's description. */
  String all() {
    return out + err;
  }

  static CommandRun in(Path temp, String command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all =
        Stream.concat(
                Stream.of(command),
                Stream.concat(
                    Stream.of(args),
                    Stream.of(
                        "--audiostems.work-dir=" + temp.resolve("work"),
                        "--audiostems.temporal.data-dir=" + temp.resolve("data"))))
            .toArray(String[]::new);
    int code =
        AudiostemsApplication.run(
            all,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
