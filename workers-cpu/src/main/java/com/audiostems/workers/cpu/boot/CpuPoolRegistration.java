package com.audiostems.workers.cpu.boot;

import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import com.audiostems.workers.cpu.CpuWorkers;
import com.audiostems.workers.cpu.WorkerShutdown;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;

/**
 * Puts the CPU pool on the starter's worker factory through {@link CpuWorkers}, the one place that
 * says which workflows and activities run on which task queue: the {@code audiostems} command uses
 * it too, so the starter's own registration (auto-discovery, {@code spring.temporal.workers}) stays
 * off. Registered while the context starts, before the starter starts the factory; on shutdown it
 * stops the workers gracefully, before the starter closes the connection.
 */
public final class CpuPoolRegistration implements DisposableBean {
  private final WorkerFactory factory;
  private final Duration shutdownGrace;

  CpuPoolRegistration(
      WorkerFactory factory,
      CpuActivities activities,
      CpuWorkerSettings settings,
      Duration shutdownGrace) {
    this.factory = factory;
    this.shutdownGrace = shutdownGrace;
    CpuWorkers.register(factory, activities, settings);
  }

  @Override
  public void destroy() {
    WorkerShutdown.stopGracefully(factory, shutdownGrace);
  }
}
