package com.audiostems.activities.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time one activity execution spends outside its own thread: in the child processes it runs
 * (ffmpeg) and in helper threads that add their own time. The metrics interceptor opens one per
 * execution on the activity's thread; code that runs processes or helper threads reads {@link
 * #current()} on that thread and adds to it, from any thread.
 */
public final class ActivityCost {
  private static final ThreadLocal<ActivityCost> CURRENT = new ThreadLocal<>();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final LongAdder childProcessCpuNanos = new LongAdder();
  private final LongAdder helperThreadCpuNanos = new LongAdder();

  /** The execution running on this thread, or null outside an activity (a command, a test). */
  public static ActivityCost current() {
    return CURRENT.get();
  }

  /** Opens an execution's account on this thread; {@link #close()} it on the same thread. */
  static ActivityCost open() {
    ActivityCost cost = new ActivityCost();
    CURRENT.set(cost);
    return cost;
  }

  void close() {
    CURRENT.remove();
  }

  /** A child process's user + system CPU time, as it reported it when it exited. */
  public void addChildProcessCpuNanos(long nanos) {
    if (nanos > 0) {
      childProcessCpuNanos.add(nanos);
    }
  }

  /** Adds the calling helper thread's whole CPU time; call it last thing on that thread. */
  public void addCurrentThreadCpu() {
    long nanos = currentThreadCpuNanos();
    if (nanos > 0) {
      helperThreadCpuNanos.add(nanos);
    }
  }

  long childProcessCpuNanos() {
    return childProcessCpuNanos.sum();
  }

  long helperThreadCpuNanos() {
    return helperThreadCpuNanos.sum();
  }

  /** This thread's CPU time so far; -1 where the JVM cannot tell (a virtual thread). */
  static long currentThreadCpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }
}
