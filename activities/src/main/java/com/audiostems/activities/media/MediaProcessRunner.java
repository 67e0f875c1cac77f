package com.audiostems.activities.media;

import com.audiostems.activities.metrics.ActivityCost;
import com.audiostems.activities.metrics.ChildProcessCpu;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.ProcessFunction;
import net.bramp.ffmpeg.builder.FFprobeBuilder;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;

/**
 * Runs ffmpeg and ffprobe on untrusted files. Every run:
 *
 * <ul>
 *   <li>reads inputs through the {@code file} and {@code pipe} protocols only ({@link
 *       #INPUT_SAFETY_ARGS} go before each {@code -i}), so a crafted playlist cannot reach the
 *       network or other files through a different protocol;
 *   <li>has a wall-clock limit, after which the process is killed and the run fails with the
 *       non-retryable {@link TrackFailures#MEDIA_TOOL_LIMIT};
 *   <li>never reads standard input ({@code -nostdin}).
 * </ul>
 *
 * ffprobe runs through ffmpeg-cli-wrapper's {@link FFprobe} on a {@link ProcessFunction} that
 * applies the probe time limit.
 */
public final class MediaProcessRunner {
  /** Input options: put them before every {@code -i}. */
  public static final List<String> INPUT_SAFETY_ARGS = List.of("-protocol_whitelist", "file,pipe");

  private static final int STDERR_TAIL_CHARS = 8_000;

  private final MediaSettings settings;

  /** One instance, so that ffmpeg-cli-wrapper checks the binary's version once, not per file. */
  private final FFprobe ffprobe;

  public MediaProcessRunner(MediaSettings settings) {
    this.settings = settings;
    this.ffprobe =
        new FFprobe(settings.ffprobePath(), limitedProcessFunction(settings.probeTimeout()));
  }

  public MediaSettings settings() {
    return settings;
  }

  /**
   * ffprobe's format and streams of a local file, through ffmpeg-cli-wrapper, bound by the probe
   * time limit and reading through the whitelisted protocols only.
   *
   * @throws net.bramp.ffmpeg.FFmpegException when ffprobe cannot read the file (its error inside)
   */
  public FFmpegProbeResult probe(Path file) throws IOException {
    FFprobeBuilder command =
        ffprobe
            .builder()
            .addExtraArgs(INPUT_SAFETY_ARGS.toArray(String[]::new))
            .setShowFormat(true)
            .setShowStreams(true)
            .setInput(FfmpegPaths.fileUrl(file));
    return ffprobe.probe(command);
  }

  /** The leading part of every ffmpeg command: binary, no banner, no stdin, errors only. */
  public List<String> ffmpegCommand() {
    return new ArrayList<>(
        List.of(settings.ffmpegPath(), "-hide_banner", "-nostdin", "-loglevel", "error"));
  }

  /** Consumes the standard output of a running process. */
  @FunctionalInterface
  public interface StdoutConsumer {
    void consume(InputStream stdout) throws IOException;
  }

  /** Feeds a running process's standard input; the stream is closed after it returns. */
  @FunctionalInterface
  public interface StdinWriter {
    void write(OutputStream stdin) throws IOException;
  }

  /** What a finished process left behind. */
  public record Result(int exitCode, String stderrTail, boolean timedOut) {
    public boolean succeeded() {
      return exitCode == 0 && !timedOut;
    }
  }

  /**
   * Runs the command to completion. {@code stdout} is handed the process's output stream on the
   * calling thread; stderr is kept (its tail) for error messages. When the wall-clock limit passes,
   * the process is killed and a non-retryable MediaToolLimitExceeded failure is thrown.
   */
  public Result run(List<String> command, Duration limit, StdoutConsumer stdout)
      throws IOException {
    return run(command, limit, null, stdout);
  }

  /**
   * The same, with {@code stdin} feeding the process's standard input (ffmpeg reading {@code
   * pipe:0}) from a thread of its own while {@code stdout} is consumed here. When the process
   * fails, the writer's broken pipe is its consequence and the exit status tells why; a writer that
   * fails while the process succeeds fails the run with its own exception.
   */
  public Result run(List<String> command, Duration limit, StdinWriter stdin, StdoutConsumer stdout)
      throws IOException {
    // The activity this run belongs to, read on its own thread: the process's CPU time goes there.
    ActivityCost cost = ActivityCost.current();
    Process process =
        new ProcessBuilder(ChildProcessCpu.measured(command))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    CompletableFuture<Void> feeder;
    if (stdin == null) {
      process.getOutputStream().close();
      feeder = CompletableFuture.completedFuture(null);
    } else {
      feeder =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream in = process.getOutputStream()) {
                  stdin.write(in);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } finally {
                  if (cost != null) {
                    cost.addCurrentThreadCpu();
                  }
                }
              },
              // A thread of its own: it blocks on the pipe for as long as the encode runs.
              task -> Thread.ofPlatform().daemon().name("ffmpeg-stdin").start(task));
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()));
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            () -> {
              try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                  timedOut.set(true);
                  process.descendants().forEach(ProcessHandle::destroyForcibly);
                  process.destroyForcibly();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    try {
      if (stdout != null) {
        stdout.consume(process.getInputStream());
      }
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      int exit = process.waitFor();
      watchdog.cancel(true);
      awaitFeeder(feeder, exit == 0 && !timedOut.get());
      ChildProcessCpu.Report report = ChildProcessCpu.parse(stderr.join());
      if (cost != null) {
        cost.addChildProcessCpuNanos(report.cpuNanos());
      }
      Result result = new Result(exit, report.stderr(), timedOut.get());
      if (result.timedOut()) {
        throw ApplicationFailure.newNonRetryableFailure(
            command.get(0)
                + " ran longer than its limit of "
                + limit.toSeconds()
                + " s on this file and was stopped; the file may be malformed or far longer than it claims.",
            TrackFailures.MEDIA_TOOL_LIMIT);
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while " + command.get(0) + " ran", e);
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // Wait for it to die, so that a cancelled activity has really stopped writing when it
        // returns.
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void awaitFeeder(CompletableFuture<Void> feeder, boolean processSucceeded)
      throws IOException {
    try {
      feeder.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (!processSucceeded) {
        return;
      }
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private ProcessFunction limitedProcessFunction(Duration limit) {
    return args -> {
      Process process = new ProcessBuilder(args).start();
      process.getOutputStream().close();
      process.onExit(); // keep a handle for the watchdog below
      CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS)
          .execute(
              () -> {
                if (process.isAlive()) {
                  process.destroyForcibly();
                }
              });
      return process;
    };
  }

  /**
   * Keeps only the last {@link #STDERR_TAIL_CHARS}: a hostile file can make a decoder very chatty.
   */
  private static String tail(InputStream in) {
    StringBuilder kept = new StringBuilder();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        if (kept.length() > 2 * STDERR_TAIL_CHARS) {
          kept.delete(0, kept.length() - STDERR_TAIL_CHARS);
        }
      }
    } catch (IOException e) {
      // the process died; what we have is the tail
    }
    String text = kept.toString().strip();
    return text.length() <= STDERR_TAIL_CHARS
        ? text
        : text.substring(text.length() - STDERR_TAIL_CHARS);
  }
}
