package com.audiostems.app.metrics;

import com.audiostems.activities.analytics.ProcessingRecorder;
import com.audiostems.activities.host.InfrastructureFailures;
import com.audiostems.activities.metrics.PipelineMetricsInterceptor;
import com.audiostems.storage.BlobStore;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.worker.WorkerFactoryOptions;
import org.springframework.stereotype.Component;

/**
 * The one meter registry of an {@code audiostems} process: the pipeline's instruments (through
 * {@link PipelineMetricsInterceptor} on every worker factory), Temporal's SDK metrics and the
 * workflows' replay-safe counters (through a tally scope reporting into it), the JVM's, and in
 * {@code serve} the gateway's. Prometheus reads it at {@code /actuator/prometheus}.
 */
@Component
public class PipelineMetrics implements AutoCloseable {
  private final PrometheusRegistry prometheusRegistry = new PrometheusRegistry();
  private final PrometheusMeterRegistry registry;
  private final Scope temporalScope;
  private final WorkerInterceptor interceptor;
  private final ProcessingRecorder processingRecorder;
  private StoredBytes storedBytes;
  private final MetricsProperties settings;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public PipelineMetrics(MetricsProperties settings) {
    this.settings = settings;
    this.registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT,
            prometheusRegistry,
            io.micrometer.core.instrument.Clock.SYSTEM);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.temporalScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(
                com.uber.m3.util.Duration.ofMillis(settings.temporalReportInterval().toMillis()));
    this.processingRecorder = new ProcessingRecorder(registry);
    this.interceptor = new PipelineMetricsInterceptor(registry, processingRecorder);
  }

  /**
   * Writes each track's activity costs and processing record into the ledger once a pool gives it
   * one ({@link ProcessingRecorder#recordIn}); until then it records nothing.
   */
  public ProcessingRecorder processingRecorder() {
    return processingRecorder;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The registry Prometheus's text format is written from (the gateway's scrape endpoint's). */
  public PrometheusRegistry prometheusRegistry() {
    return prometheusRegistry;
  }

  /** For the service stubs: the SDK's metrics and {@code Workflow.getMetricsScope()}. */
  public Scope temporalScope() {
    return temporalScope;
  }

  /**
   * Worker factory options that type the host's failures ({@link InfrastructureFailures}), time
   * every activity and count every track.
   */
  public WorkerFactoryOptions.Builder workerFactoryOptions() {
    // The typed host failures first, so that the metrics see a failure's type.
    return WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(new InfrastructureFailures(), interceptor);
  }

  /**
   * Gauges {@code store}'s bytes by storage class from now on, every {@code
   * storage-inventory-interval} (once per process; 0 turns it off).
   */
  public synchronized void measureStoredBytes(BlobStore store) {
    if (storedBytes == null && settings.storageInventoryInterval().isPositive()) {
      storedBytes = StoredBytes.start(store, settings.storageInventoryInterval(), registry);
    }
  }

  public MetricsProperties settings() {
    return settings;
  }

  /** The Prometheus text of every meter, as {@code /actuator/prometheus} answers it. */
  public String scrape() {
    return registry.scrape();
  }

  /** Reports what the tally scope holds now (it otherwise does every report interval). */
  @Override
  public void close() {
    synchronized (this) {
      if (storedBytes != null) {
        storedBytes.close();
      }
    }
    try {
      temporalScope.close();
    } catch (ScopeCloseException e) {
      // its last report is lost with the process; nothing to undo
    }
    gcMetrics.close();
    registry.close();
  }
}
