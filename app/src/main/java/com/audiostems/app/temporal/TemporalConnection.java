package com.audiostems.app.temporal;

import com.audiostems.app.metrics.PipelineMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;

/**
 * A Temporal client and a worker factory in this JVM: either on Temporal's in-process server (the
 * default of {@code process}: real time, no time skipping, gone when the command ends) or on an
 * existing server given as host:port.
 */
public final class TemporalConnection implements AutoCloseable {
  private final WorkflowClient client;
  private final WorkerFactory workerFactory;
  private final AutoCloseable closer;
  private final String description;

  private TemporalConnection(
      WorkflowClient client,
      WorkerFactory workerFactory,
      AutoCloseable closer,
      String description) {
    this.client = client;
    this.workerFactory = workerFactory;
    this.closer = closer;
    this.description = description;
  }

  public static TemporalConnection inProcess() {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    return new TemporalConnection(
        env.getWorkflowClient(), env.getWorkerFactory(), env::close, "in-process Temporal server");
  }

  /** The same, with {@code metrics} on its worker factory and its service stubs. */
  public static TemporalConnection inProcess(PipelineMetrics metrics) {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setMetricsScope(metrics.temporalScope())
                .setWorkerFactoryOptions(metrics.workerFactoryOptions().build())
                .build());
    return new TemporalConnection(
        env.getWorkflowClient(), env.getWorkerFactory(), env::close, "in-process Temporal server");
  }

  /** A connection to an existing server's default namespace, with {@code metrics}. */
  public static TemporalConnection remote(String target, PipelineMetrics metrics) {
    RemoteTemporal remote =
        RemoteTemporal.connect(RemoteTemporal.plaintext(target), "default", metrics);
    return new TemporalConnection(
        remote.client(), remote.workerFactory(), remote::close, "Temporal server at " + target);
  }

  /** A plain connection to an existing server's default namespace ({@code process --temporal}). */
  public static TemporalConnection remote(String target) {
    RemoteTemporal remote = RemoteTemporal.connect(RemoteTemporal.plaintext(target), "default");
    return new TemporalConnection(
        remote.client(), remote.workerFactory(), remote::close, "Temporal server at " + target);
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkerFactory workerFactory() {
    return workerFactory;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }
}
