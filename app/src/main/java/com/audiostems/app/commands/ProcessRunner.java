package com.audiostems.app.commands;

import com.audiostems.activities.catalogue.FingerprintCatalogues;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.console.ProgressDisplay;
import com.audiostems.app.console.SummaryTable;
import com.audiostems.app.metrics.PipelineMetrics;
import com.audiostems.app.pools.AnalysisPool;
import com.audiostems.app.pools.CataloguePool;
import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.app.temporal.TemporalConnection;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackProgress;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems process FILE}: imports the file into the local store, runs the track workflow
 * with the CPU workers in this JVM, shows progress and prints the summary. Exit codes: 0 published,
 * 2 rejected (the file is the problem), 1 failed otherwise.
 */
@Component
public class ProcessRunner {
  /**
   * One run of {@code process}.
   *
   * @param file the source: an existing, readable regular file, absolute
   * @param outDir the local store's root; null for {@code audiostems.storage.root}
   * @param formats the outputs to make; empty for all
   * @param temporalTarget an existing server's host:port; null for the in-process server
   * @param trackId the track's id; null for a new random one
   * @param requiredTier the tier the quality checks must find the source at; null for none
   * @param duplicatePolicy what a duplicate of a published track becomes; null for the configured
   *     {@code audiostems.catalogue.duplicate-policy}
   */
  public record Request(
      Path file,
      Path outDir,
      List<OutputFormat> formats,
      String temporalTarget,
      String trackId,
      QualityTier requiredTier,
      DuplicatePolicy duplicatePolicy) {}

  private static final Duration POLL = Duration.ofMillis(250);

  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;
  private final AnalysisPool analysisPool;
  private final PoolStore poolStore;
  private final CataloguePool cataloguePool;
  private final PipelineMetrics metrics;

  public ProcessRunner(
      AudiostemsProperties properties,
      CpuPool cpuPool,
      AnalysisPool analysisPool,
      PoolStore poolStore,
      CataloguePool cataloguePool,
      PipelineMetrics metrics) {
    this.metrics = metrics;
    this.cataloguePool = cataloguePool;
    this.poolStore = poolStore;
    this.properties = properties;
    this.cpuPool = cpuPool;
    this.analysisPool = analysisPool;
  }

  public int run(Request options, PrintStream out, PrintStream err) throws Exception {
    Path file = options.file();
    String trackId = options.trackId() != null ? options.trackId() : newTrackId();
    Path root = options.outDir() != null ? options.outDir() : properties.storage().root();
    boolean rootExisted = Files.isDirectory(root);
    LocalBlobStore store = new LocalBlobStore(root);
    MediaSettings media = mediaSettings();
    Files.createDirectories(media.workDir());

    String sourceKey = BlobKeys.sourceKey(trackId, file.getFileName().toString());
    Path upload = Files.createTempFile(media.workDir(), "upload-", ".part");
    Files.copy(file, upload, StandardCopyOption.REPLACE_EXISTING);
    store.store(sourceKey, upload);

    long starting = System.nanoTime();
    Path catalogueDirectory = cataloguePool.directory(root);
    int outcome;
    // Declared first, closed last: the indexes are committed and unlocked after the workers stop.
    try (AutoCloseable catalogueIndexes = cataloguePool::close;
        TemporalConnection temporal =
            options.temporalTarget() != null
                ? TemporalConnection.remote(options.temporalTarget(), metrics)
                : TemporalConnection.inProcess(metrics)) {
      outcome =
          runJob(
              options,
              out,
              err,
              file,
              trackId,
              store,
              sourceKey,
              catalogueDirectory,
              temporal,
              starting);
    }
    if (outcome != ExitCodes.OK) {
      removeIfEmpty(root.resolve(".incoming"));
    }
    if (outcome != ExitCodes.OK && !rootExisted) {
      // A rejected first job leaves no directory: the catalogue it opened there is empty.
      if (catalogueDirectory.startsWith(root)) {
        FingerprintCatalogues.deleteIfEmpty(catalogueDirectory);
      }
      removeIfEmpty(root);
    }
    return outcome;
  }

  private int runJob(
      Request options,
      PrintStream out,
      PrintStream err,
      Path file,
      String trackId,
      LocalBlobStore store,
      String sourceKey,
      Path catalogueDirectory,
      TemporalConnection temporal,
      long starting)
      throws Exception {
    WorkingCopyStore copies = poolStore.around(store); // local: the store's own files, no copies
    cpuPool.register(temporal.workerFactory(), copies);
    analysisPool.register(temporal.workerFactory(), copies);
    cataloguePool.register(temporal.workerFactory(), store, catalogueDirectory);
    temporal.workerFactory().start();
    out.printf(
        Locale.ROOT,
        "Processing %s as track %s on the %s (server and workers ready in %.2f s)%n",
        file.getFileName(),
        trackId,
        temporal.description(),
        (System.nanoTime() - starting) / 1e9);

    TrackIngestWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                TrackIngestWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
                    .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                    // What the Temporal UI lists the job as; the workflow's details add title and
                    // artist.
                    .setStaticSummary(file.getFileName().toString())
                    .build());
    // On a server of its own the track lives on as its entity after publishing (re-process,
    // delete); the in-process server ends with this command, so there the workflow ends too.
    boolean keepAlive = options.temporalTarget() != null;
    long started = System.nanoTime();
    WorkflowClient.start(
        workflow::ingest,
        new TrackIngestRequest(
            trackId,
            sourceKey,
            file.getFileName().toString(),
            options.formats(),
            properties.workers().encodeLanesOrCores(),
            keepAlive,
            options.requiredTier(),
            null,
            options.duplicatePolicy() == null
                ? properties.catalogue().policy()
                : new CataloguePolicy(
                    options.duplicatePolicy(),
                    properties.catalogue().reviewTimeout().toSeconds(),
                    properties.catalogue().onReviewTimeout())));
    CompletableFuture<TrackIngestResult> result =
        WorkflowStub.fromTyped(workflow).getResultAsync(TrackIngestResult.class);

    ProgressDisplay display = new ProgressDisplay(out, ProgressDisplay.terminalIsInteractive());
    TrackManifest manifest = null;
    while (!result.isDone() && manifest == null) {
      manifest = showProgress(display, workflow);
      try {
        result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // still running, or finished badly: handled below
      }
    }
    showProgress(display, workflow);
    try {
      if (manifest == null) {
        manifest = result.get().manifest();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      SummaryTable.print(out, manifest, store::pathOf, store.pathOf(BlobKeys.manifestKey(trackId)));
      out.printf(
          Locale.ROOT, "Pipeline wall time: %.2f s (workflow start to published)%n", seconds);
      return ExitCodes.OK;
    } catch (ExecutionException e) {
      return reportFailure(e.getCause(), err, store, sourceKey);
    }
  }

  /** Shows the progress; returns the manifest once the track is published, else null. */
  private static TrackManifest showProgress(ProgressDisplay display, TrackIngestWorkflow workflow) {
    try {
      TrackProgress progress = workflow.progress();
      display.show(progress);
      return progress.stage() == TrackStage.PUBLISHED ? workflow.manifest() : null;
    } catch (RuntimeException e) {
      // The first workflow task may not have run yet; the next poll shows it.
      return null;
    }
  }

  /** Says why, then removes the imported source so that a rejected file leaves nothing behind. */
  private int reportFailure(
      Throwable failure, PrintStream err, LocalBlobStore store, String sourceKey)
      throws IOException {
    ApplicationFailure reason = applicationFailure(failure);
    store.delete(sourceKey);
    if (reason != null && TrackFailures.NON_RETRYABLE.contains(reason.getType())) {
      err.printf(
          Locale.ROOT,
          "%nRejected: %s: %s%nNo outputs were kept.%n",
          reason.getType(),
          reason.getOriginalMessage());
      return ExitCodes.REJECTED;
    }
    err.printf(
        Locale.ROOT,
        "%nFailed: %s%nNo outputs were kept.%n",
        reason != null
            ? reason.getType() + ": " + reason.getOriginalMessage()
            : String.valueOf(failure));
    return ExitCodes.FAILED;
  }

  private static ApplicationFailure applicationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
    }
    return null;
  }

  private static void removeIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        return;
      }
    }
    Files.deleteIfExists(dir);
  }

  MediaSettings mediaSettings() {
    return properties.media().settings(properties.workDir());
  }

  private static String newTrackId() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
