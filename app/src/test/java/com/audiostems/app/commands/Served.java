package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code serve}: its output so far (in a file: it outlives the process), and SIGTERM to
 * stop it.
 */
public final class Served implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofMinutes(2);

  private final Process process;
  private final Path output;

  private Served(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * {@code java -jar target/audiostems.jar ARGS}, with ffmpeg's scratch space in {@code workDir}.
   */
  public static List<String> command(Path workDir, String... args) {
    Path jar = Path.of("target", "audiostems.jar").toAbsolutePath();
    assertThat(jar).exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
    command.addAll(List.of(args));
    command.add("--audiostems.work-dir=" + workDir);
    // Every command of one test shares one generated watermark key, kept beside its work dir.
    command.add(
        "--audiostems.watermark.generated-key-file="
            + workDir.resolveSibling("data").resolve("watermark-key"));
    return command;
  }

  /**
   * {@code serve} on the Temporal CLI dev server at {@code port}, keeping temporal.db in {@code
   * dataDir} and the local store in {@code store}, ffmpeg's scratch in {@code temp/work}, its
   * gateway and UI on free ports; {@code extra} settings go last.
   */
  public static List<String> serveOnDevServer(
      Path temp, Path cli, int port, Path dataDir, Path store, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--data-dir",
                dataDir.toString(),
                "--audiostems.temporal.cli-path=" + cli,
                "--audiostems.temporal.port=" + port,
                "--audiostems.temporal.ui-port=0",
                "--audiostems.serve.gateway-port=0",
                "--audiostems.storage.root=" + store));
    args.addAll(List.of(extra));
    return command(temp.resolve("work"), args.toArray(String[]::new));
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts serve and waits until it says it is ready. */
  public static Served start(List<String> command) throws Exception {
    return start(command, Map.of());
  }

  /**
   * The same with more environment variables (e.g. the S3 credentials, which the SDK reads from
   * there).
   */
  public static Served start(List<String> command, Map<String, String> environment)
      throws Exception {
    Path output = Files.createTempFile("serve-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Served served = new Served(builder.start(), output);
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!served.output().contains("Ctrl-C or SIGTERM stops it.")) {
      if (!served.process.isAlive() || System.nanoTime() > deadline) {
        served.close();
        fail("serve did not start:\n" + served.output());
      }
      Thread.sleep(100);
    }
    return served;
  }

  /**
   * The process itself: a test that plays a host's death kills it (and its children) by this
   * handle.
   */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  public String output() throws IOException {
    return Files.readString(output);
  }

  /** SIGTERM, as a service manager sends; returns everything serve printed. */
  public String stop() throws Exception {
    process.destroy();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output()).isTrue();
    return output();
  }

  /** SIGTERM first even when a check failed: a killed serve would leave its dev server running. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }
  }
}
