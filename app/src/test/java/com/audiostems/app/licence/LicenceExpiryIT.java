package com.audiostems.app.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.licence.LocalCdnInvalidations;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.ledger.AuditEntry;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceTerms;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import io.temporal.worker.WorkerFactory;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A licence's end is a durable timer: it lives in the Temporal server's SQLite file, not in any
 * process. A licence ending 20 s after its grant is granted on the real Temporal CLI dev server;
 * the worker and the dev server are then stopped (the gRPC port is checked closed) and the dev
 * server started again on the same {@code --db-filename} with a new worker. The licence must end at
 * its end: its state query answers EXPIRED within {@link #ON_TIME} of it, its expiry is recorded
 * with the end as its time, its copies are deleted and the CDN invalidation is recorded.
 *
 * <p>The ledger is the real embedded one (the H2 file a local store keeps), closed with the first
 * worker and opened again by the second, and the store a real local store.
 */
class LicenceExpiryIT {
  private static final Duration TERM = Duration.ofSeconds(20);

  /** The timer fires at the end; the query is polled every 100 ms. */
  private static final Duration ON_TIME = Duration.ofSeconds(3);

  @TempDir Path temp;

  @Test
  void aLicenceExpiresOnTimeAfterTheDevServerRestartsOnTheSameDatabase() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "LicenceExpiryIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    int port = freePort();
    Path database = temp.resolve("temporal.db");
    LocalBlobStore store = new LocalBlobStore(temp.resolve("store"));
    LedgerSettings ledgerFile = LedgerSettings.embedded(temp.resolve("store/.ledger"));
    String licenceId = LicenceIds.newId();
    String copy = DeliveryKeys.copyKey(licenceId, OutputFormat.MP3_320);
    store.storeBytes(copy, new byte[] {1, 2, 3});
    try (Ledger ledger = Ledgers.open(ledgerFile)) {
      ledger.recordDelivery(
          new DeliveryRecord(
              licenceId, "Acme Films", "t-1", "MP3_320", 3, "00", Instant.now(), "cli", "GB"));
    }

    Instant endsAt;
    try (Ledger ledger = Ledgers.open(ledgerFile);
        TemporalDevServer server = start(cli, port, database);
        Worker worker = new Worker(server, ledger, store)) {
      endsAt = Instant.now().plus(TERM);
      LicenceWorkflow licence =
          worker
              .client()
              .newWorkflowStub(
                  LicenceWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(LicenceWorkflow.workflowId(licenceId))
                      .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                      .build());
      WorkflowClient.start(
          licence::run,
          new LicenceGrant(
              licenceId,
              new LicenceTerms(
                  "t-1",
                  "Acme Films",
                  List.of(OutputFormat.MP3_320),
                  List.of("GB"),
                  Instant.now(),
                  endsAt,
                  1_000,
                  "EUR",
                  "online"),
              "it"));
      awaitAction(ledger, "granted", Duration.ofSeconds(10));
      assertThat(licence.state().status()).isEqualTo(LicenceStatus.ACTIVE);
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("the dev server is down")
        .isInstanceOf(ConnectException.class);
    assertThat(Instant.now()).as("stopped well before the end").isBefore(endsAt.minusSeconds(10));

    try (Ledger ledger = Ledgers.open(ledgerFile);
        TemporalDevServer server = start(cli, port, database);
        Worker worker = new Worker(server, ledger, store)) {
      LicenceWorkflow licence =
          worker
              .client()
              .newWorkflowStub(LicenceWorkflow.class, LicenceWorkflow.workflowId(licenceId));
      assertThat(licence.state().status())
          .as("restarted before the end")
          .isEqualTo(LicenceStatus.ACTIVE);

      Instant seenExpired = null;
      while (seenExpired == null) {
        assertThat(Instant.now()).as("still active").isBefore(endsAt.plus(Duration.ofSeconds(30)));
        if (licence.state().status() == LicenceStatus.EXPIRED) {
          seenExpired = Instant.now();
        } else {
          Thread.sleep(100);
        }
      }
      assertThat(seenExpired).isBetween(endsAt, endsAt.plus(ON_TIME));

      LicenceState ended =
          WorkflowStub.fromTyped(licence).getResult(30, TimeUnit.SECONDS, LicenceState.class);
      assertThat(ended.endedAt()).isEqualTo(endsAt);
      assertThat(ended.endReason()).isEqualTo("term ended");
      assertThat(ledger.auditLog())
          .extracting(e -> e.event().action() + " by " + e.event().actor())
          .containsExactly("granted by it", "expired by timer");
      assertThat(ledger.findLicence(licenceId).orElseThrow().status()).isEqualTo("EXPIRED");
      assertThat(store.exists(copy)).as("the delivered copy is withdrawn").isFalse();
      assertThat(new LocalCdnInvalidations(store, Clock.systemUTC()).read(licenceId).paths())
          .containsExactly("/" + DeliveryKeys.licencePrefix(licenceId) + "*");
      System.out.printf(
          "LicenceExpiryIT: end %s, seen EXPIRED %d ms after it, across a dev-server restart%n",
          endsAt, Duration.between(endsAt, seenExpired).toMillis());
    }
  }

  private static TemporalDevServer start(Path cli, int port, Path database) {
    return TemporalDevServer.start(
        "default",
        TemporalDevServerOptions.newBuilder()
            .setExistingPath(cli.toString())
            .setDownloadEnabled(false)
            .setIp("127.0.0.1")
            .setPort(port)
            .setDatabaseFilename(database.toString())
            .setUiEnabled(false)
            .setStartupTimeout(Duration.ofSeconds(60))
            .build());
  }

  private static void awaitAction(Ledger ledger, String action, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (ledger.auditLog().stream()
        .map(AuditEntry::event)
        .noneMatch(e -> e.action().equals(action))) {
      assertThat(Instant.now()).as("waiting for '" + action + "'").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The licence workflow and its activities, as the CPU pool registers them, on one server. */
  private static final class Worker implements AutoCloseable {
    private final WorkerFactory factory;
    private final io.temporal.serviceclient.WorkflowServiceStubs service;

    Worker(TemporalDevServer server, Ledger ledger, LocalBlobStore store) {
      service =
          io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
              io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                  .setTarget(server.getTarget())
                  .build());
      factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
      factory.newWorker(TaskQueues.TRACK_WORKFLOWS);
      factory.newWorker(TaskQueues.AUDIO_CPU);
      com.audiostems.workers.cpu.CpuWorkers.registerLicences(
          factory,
          CpuActivities.licences(
              ledger, store, new LocalCdnInvalidations(store, Clock.systemUTC())));
      factory.start();
    }

    WorkflowClient client() {
      return factory.getWorkflowClient();
    }

    @Override
    public void close() throws InterruptedException {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
      service.shutdownNow();
      service.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
