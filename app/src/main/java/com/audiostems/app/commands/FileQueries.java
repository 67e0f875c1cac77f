package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.pools.CataloguePool;
import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.app.temporal.TemporalConnection;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runs one short query workflow over a file found on disk ({@code identify}, {@code trace}): copies
 * the file into the store as the query's object, runs the workflow with a CPU pool and the
 * catalogue in this JVM (or on a running server's workers), and deletes the object when the
 * workflow could not.
 */
@Component
class FileQueries {
  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;
  private final PoolStore poolStore;
  private final CataloguePool cataloguePool;

  FileQueries(
      AudiostemsProperties properties,
      CpuPool cpuPool,
      PoolStore poolStore,
      CataloguePool cataloguePool) {
    this.properties = properties;
    this.cpuPool = cpuPool;
    this.poolStore = poolStore;
    this.cataloguePool = cataloguePool;
  }

  /** A stored query: its id and the key its audio was copied to. */
  record StoredQuery(String queryId, String sourceKey, WorkflowOptions.Builder options) {}

  /** Starts the query's workflow and waits for its answer. */
  @FunctionalInterface
  interface QueryWorkflow<T> {
    T run(WorkflowClient client, StoredQuery query);
  }

  /**
   * @param file an existing, readable regular file, absolute
   * @param outDir the local store; null for {@code audiostems.storage.root}
   * @param temporalTarget a running server whose workers answer; null for this process
   * @param summary what the Temporal UI shows for the run ("trace clip.mp3")
   * @throws WorkflowFailedException when the workflow failed; the query's object is gone then
   */
  <T> T run(
      Path file, Path outDir, String temporalTarget, String summary, QueryWorkflow<T> workflow)
      throws Exception {
    Path root = storeRoot(outDir);
    LocalBlobStore store = new LocalBlobStore(root);
    String queryId = "q-" + UUID.randomUUID();
    String queryKey = BlobKeys.identifyQueryKey(queryId, file.getFileName().toString());
    importFile(file, store, queryKey);
    try (AutoCloseable catalogueIndexes = cataloguePool::close;
        TemporalConnection temporal =
            temporalTarget != null
                ? TemporalConnection.remote(temporalTarget)
                : TemporalConnection.inProcess()) {
      if (temporalTarget == null) {
        cpuPool.register(temporal.workerFactory(), poolStore.around(store));
        cataloguePool.register(temporal.workerFactory(), store, cataloguePool.directory(root));
      }
      temporal.workerFactory().start();
      WorkflowOptions.Builder options =
          WorkflowOptions.newBuilder()
              .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
              .setStaticSummary(summary);
      return workflow.run(temporal.client(), new StoredQuery(queryId, queryKey, options));
    } catch (WorkflowFailedException e) {
      store.delete(queryKey);
      throw e;
    }
  }

  Path storeRoot(Path outDir) {
    return outDir != null ? outDir : properties.storage().root();
  }

  /** The sentence of the failure a person can act on, else the workflow's message. */
  static String reasonOf(WorkflowFailedException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a) {
        return a.getOriginalMessage();
      }
    }
    return e.getMessage();
  }

  /** Whether the file, not the system, is the problem: the workflow failed with a typed reason. */
  static boolean rejected(WorkflowFailedException e) {
    return e.getCause() instanceof ApplicationFailure;
  }

  private void importFile(Path file, LocalBlobStore store, String key) throws Exception {
    com.audiostems.activities.media.MediaSettings media = poolStore.mediaSettings();
    Files.createDirectories(media.workDir());
    Path upload = Files.createTempFile(media.workDir(), "query-", ".part");
    Files.copy(file, upload, StandardCopyOption.REPLACE_EXISTING);
    store.store(key, upload);
    Files.deleteIfExists(upload);
  }
}
