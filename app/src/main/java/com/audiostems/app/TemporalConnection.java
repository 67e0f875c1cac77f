package com.audiostems.app;

import com.audiostems.workflows.track.TrackSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
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

  private TemporalConnection(WorkflowClient client, WorkerFactory workerFactory, AutoCloseable closer, String description) {
    this.client = client;
    this.workerFactory = workerFactory;
    this.closer = closer;
    this.description = description;
  }

  public static TemporalConnection inProcess() {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    for (var key : TrackSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return new TemporalConnection(env.getWorkflowClient(), env.getWorkerFactory(), env::close, "in-process Temporal server");
  }

  public static TemporalConnection remote(String target) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    registerSearchAttributes(target);
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    return new TemporalConnection(
        client,
        factory,
        () -> {
          factory.shutdown();
          service.shutdown();
        },
        "Temporal server at " + target);
  }

  /** Registers the track's search attributes on the server's default namespace; already there is fine. */
  static void registerSearchAttributes(String target) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
    try {
      var request = AddSearchAttributesRequest.newBuilder().setNamespace("default");
      for (var key : TrackSearchAttributes.ALL) {
        request.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      operator.blockingStub().addSearchAttributes(request.build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    } finally {
      operator.shutdown();
    }
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
