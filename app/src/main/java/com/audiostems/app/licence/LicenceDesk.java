package com.audiostems.app.licence;

import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.app.temporal.TemporalConnection;
import com.audiostems.ledger.Ledger;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;

/**
 * The licence commands' runtime on the embedded defaults: a local store, its ledger, and the
 * in-process Temporal server with a CPU pool on that store. The in-process server ends with the
 * command, and the licence's workflow with it; the licence lives on in its ledger row, and the next
 * command that acts on it resumes its entity from there ({@link #resume}).
 */
public final class LicenceDesk implements AutoCloseable {
  private final LocalBlobStore store;
  private final TemporalConnection temporal;

  private LicenceDesk(LocalBlobStore store, TemporalConnection temporal) {
    this.store = store;
    this.temporal = temporal;
  }

  /** Starts the in-process server with the CPU pool's workers (tracks, licences, delivery). */
  public static LicenceDesk open(Path root, Ledger ledger, CpuPool cpuPool, PoolStore poolStore)
      throws Exception {
    LocalBlobStore store = new LocalBlobStore(root);
    TemporalConnection temporal = TemporalConnection.inProcess();
    try {
      cpuPool.register(temporal.workerFactory(), poolStore.around(store), ledger);
      temporal.workerFactory().start();
      return new LicenceDesk(store, temporal);
    } catch (Exception | Error e) {
      temporal.close();
      throw e;
    }
  }

  public LocalBlobStore store() {
    return store;
  }

  public WorkflowClient client() {
    return temporal.client();
  }

  /** Starts a licence's workflow (a new grant, or a resumed one) and returns its stub. */
  public LicenceWorkflow start(LicenceGrant grant) {
    LicenceWorkflow licence =
        client()
            .newWorkflowStub(
                LicenceWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(LicenceWorkflow.workflowId(grant.licenceId()))
                    .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                    .setStaticSummary(
                        "licence of " + grant.terms().trackId() + " to " + grant.terms().licensee())
                    .build());
    WorkflowClient.start(licence::run, grant);
    return licence;
  }

  @Override
  public void close() throws Exception {
    temporal.close();
  }
}
