package com.audiostems.app.temporal;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.metrics.PipelineMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * A client and a worker factory for a Temporal server reached over the network: the dev server that
 * {@code serve} starts, or an existing server (Temporal Cloud included) for {@code worker}.
 */
public final class RemoteTemporal implements AutoCloseable {
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workerFactory;

  private RemoteTemporal(
      WorkflowServiceStubs service, WorkflowClient client, WorkerFactory workerFactory) {
    this.service = service;
    this.client = client;
    this.workerFactory = workerFactory;
  }

  /**
   * Connects with {@code service}'s target and credentials; workers and workflows use {@code
   * namespace}.
   */
  public static RemoteTemporal connect(
      WorkflowServiceStubsOptions serviceOptions, String namespace) {
    return connect(serviceOptions, namespace, WorkerFactoryOptions.newBuilder());
  }

  /**
   * The same, with {@code metrics}: the SDK's metrics and the workflows' scope report into its
   * registry, and its interceptor times every activity of the factory's workers.
   */
  public static RemoteTemporal connect(
      WorkflowServiceStubsOptions serviceOptions, String namespace, PipelineMetrics metrics) {
    return connect(
        WorkflowServiceStubsOptions.newBuilder(serviceOptions)
            .setMetricsScope(metrics.temporalScope())
            .build(),
        namespace,
        metrics.workerFactoryOptions());
  }

  private static RemoteTemporal connect(
      WorkflowServiceStubsOptions serviceOptions,
      String namespace,
      WorkerFactoryOptions.Builder factoryOptions) {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(serviceOptions);
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    // Workflow code only waits on the server, so a virtual thread per cached workflow costs little
    // and a pool of platform threads no longer caps how many workflows stay cached (JDK 21+).
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client, factoryOptions.setUsingVirtualWorkflowThreads(true).build());
    return new RemoteTemporal(service, client, factory);
  }

  /** A server on this host that we started: plain gRPC, no credentials. */
  public static WorkflowServiceStubsOptions plaintext(String target) {
    return WorkflowServiceStubsOptions.newBuilder().setTarget(target).build();
  }

  /** An existing server, with the mTLS certificate or the API key of {@code settings} when set. */
  public static WorkflowServiceStubsOptions withCredentials(
      String target, AudiostemsProperties.Temporal settings) throws IOException {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(target);
    AudiostemsProperties.Tls tls = settings.tls();
    if (tls.enabled()) {
      try (InputStream cert = Files.newInputStream(tls.cert());
          InputStream key = Files.newInputStream(tls.key())) {
        options.setSslContext(SimpleSslContextBuilder.forPKCS8(cert, key).build());
      }
    }
    if (settings.hasApiKey()) {
      String apiKey = settings.apiKey();
      // An API key travels as a bearer token: only ever over TLS.
      options.setEnableHttps(true).addApiKey(() -> apiKey);
    }
    return options.build();
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkerFactory workerFactory() {
    return workerFactory;
  }

  /** Stops the workers at once (the graceful stop is WorkerShutdown's) and the connection. */
  @Override
  public void close() throws InterruptedException {
    workerFactory.shutdownNow();
    service.shutdown();
    service.awaitTermination(10, TimeUnit.SECONDS);
  }
}
