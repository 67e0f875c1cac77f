package com.audiostems.app.commands;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** How the long-running commands ({@code serve}, {@code worker}) stop. */
final class Shutdown {
  private Shutdown() {}

  /**
   * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes {@code running} inside the
   * JVM's shutdown, so that it finishes before the process exits.
   */
  static void closeOnJvmShutdown(AutoCloseable running, PrintStream out)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println(
                  "Stopping: running tasks may finish first (audiostems.temporal.shutdown-grace).");
              try {
                running.close();
                out.println("Stopped.");
              } catch (Exception e) {
                out.println("Stopping failed: " + e);
              } finally {
                closed.countDown();
              }
            },
            "audiostems-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    closed.await();
  }
}
