package com.audiostems.workers.cpu;

import com.audiostems.workflows.track.TrackSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Registers {@link TrackSearchAttributes} on the server, from the pool that runs the workflows
 * which upsert them (a workflow task fails on an unknown attribute). Done through the operator API
 * on every start rather than the CLI's {@code --search-attribute} flag: the flag is only applied
 * when the SQLite file is new, so an attribute added in a later release would never reach an
 * existing data directory. Adding an attribute that exists with the same type is a no-op.
 */
public final class TrackSearchAttributeRegistration {
  private TrackSearchAttributeRegistration() {}

  /**
   * @param service stubs of the server; the operator calls share its channel
   */
  public static void register(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    AddSearchAttributesRequest.Builder request =
        AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    TrackSearchAttributes.ALL.forEach(
        key -> request.putSearchAttributes(key.getName(), key.getValueType()));
    try {
      operator.blockingStub().addSearchAttributes(request.build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAVAILABLE
          || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        throw e; // no server there: the caller reports that, not a registration problem
      }
      throw new IllegalStateException(
          "Could not register the track search attributes "
              + request.getSearchAttributesMap().keySet()
              + " in namespace "
              + namespace
              + ": "
              + e.getStatus().getDescription()
              + " (an attribute of the same name but another type already in the data directory needs a new one)",
          e);
    } finally {
      operator.shutdown(); // leaves the shared channel open
    }
  }
}
