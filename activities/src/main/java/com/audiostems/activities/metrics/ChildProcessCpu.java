package com.audiostems.activities.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU time of a child process (ffmpeg), measured by the process that waited for it.
 *
 * <p>Why a shell: the JVM reaps a child the moment it exits, so its {@code /proc/<pid>/stat}
 * (utime, stime) is gone before Java code can read it, and the JVM's own children's times ({@code
 * cutime}) mix every child that ran at once. So the command runs under {@code /bin/sh}, which waits
 * for it and prints its children's user and system time ({@code times}, POSIX) on standard error
 * after a marker line; {@link #parse} takes that report off the error text again. The arguments go
 * to the shell as positional parameters ({@code "$@"}): nothing in them is interpreted, and the
 * exit status is the command's.
 */
public final class ChildProcessCpu {
  static final String MARKER = "audiostems-child-cpu-times:";

  /** POSIX {@code times}: "0m1.234s 0m0.056s", the decimal point as the locale writes it. */
  private static final Pattern TIMES =
      Pattern.compile("(\\d+)m(\\d+(?:[.,]\\d+)?)s\\s+(\\d+)m(\\d+(?:[.,]\\d+)?)s");

  private static final String SCRIPT =
      "\"$@\"; status=$?; printf '\\n%s\\n' '" + MARKER + "' >&2; times >&2; exit $status";

  private ChildProcessCpu() {}

  /** {@code command} as run by a shell that reports its CPU time on standard error. */
  public static List<String> measured(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "audiostems-media"));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * What the command wrote on standard error, and its user + system CPU time.
   *
   * @param cpuNanos -1 when the report is missing (the shell was killed with it)
   */
  public record Report(String stderr, long cpuNanos) {}

  /** Splits the shell's report off the end of the command's standard error. */
  public static Report parse(String stderr) {
    int at = stderr.lastIndexOf(MARKER);
    if (at < 0) {
      return new Report(stderr, -1);
    }
    String own = stderr.substring(0, at).stripTrailing();
    // times prints the shell's own times, then its children's: the command's are the second line.
    List<String> lines =
        stderr.substring(at + MARKER.length()).strip().lines().map(String::strip).toList();
    if (lines.size() < 2) {
      return new Report(own, -1);
    }
    Matcher children = TIMES.matcher(lines.get(1));
    if (!children.matches()) {
      return new Report(own, -1);
    }
    return new Report(
        own,
        nanos(children.group(1), children.group(2)) + nanos(children.group(3), children.group(4)));
  }

  private static long nanos(String minutes, String seconds) {
    return Math.round(
        (Long.parseLong(minutes) * 60 + Double.parseDouble(seconds.replace(',', '.'))) * 1e9);
  }
}
