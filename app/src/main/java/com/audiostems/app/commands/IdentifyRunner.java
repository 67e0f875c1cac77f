package com.audiostems.app.commands;

import com.audiostems.activities.catalogue.CatalogueActivitiesImpl;
import com.audiostems.activities.catalogue.FingerprintCatalogues;
import com.audiostems.activities.catalogue.SourceFingerprinter;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.pools.CataloguePool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.IdentifyRequest;
import com.audiostems.workflows.catalogue.IdentifyWorkflow;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems identify FILE}: stores the file as a query, runs {@link IdentifyWorkflow} (with
 * a CPU pool and the catalogue in this JVM, or on a running server's workers) and prints where the
 * file occurs. {@code audiostems reference add}: fingerprints a third party's recording into the
 * reference works, directly on the catalogue's directory.
 */
@Component
public class IdentifyRunner {
  private final AudiostemsProperties properties;
  private final PoolStore poolStore;
  private final CataloguePool cataloguePool;
  private final FileQueries fileQueries;

  public IdentifyRunner(
      AudiostemsProperties properties,
      PoolStore poolStore,
      CataloguePool cataloguePool,
      FileQueries fileQueries) {
    this.properties = properties;
    this.poolStore = poolStore;
    this.cataloguePool = cataloguePool;
    this.fileQueries = fileQueries;
  }

  /**
   * @param file an existing, readable regular file, absolute
   * @param outDir the local store whose catalogue to search; null for {@code
   *     audiostems.storage.root}
   * @param temporalTarget a running server whose catalogue worker answers; null for this process
   */
  public int identify(
      Path file, Path outDir, String temporalTarget, PrintStream out, PrintStream err)
      throws Exception {
    CatalogueMatches matches;
    try {
      matches =
          fileQueries.run(
              file,
              outDir,
              temporalTarget,
              "identify " + file.getFileName(),
              (client, query) ->
                  client
                      .newWorkflowStub(
                          IdentifyWorkflow.class,
                          query
                              .options()
                              .setWorkflowId(IdentifyWorkflow.workflowId(query.queryId()))
                              .build())
                      .identify(new IdentifyRequest(query.queryId(), query.sourceKey(), true)));
    } catch (WorkflowFailedException e) {
      err.println(
          "audiostems: could not identify " + file.getFileName() + ": " + FileQueries.reasonOf(e));
      return FileQueries.rejected(e) ? ExitCodes.REJECTED : ExitCodes.FAILED;
    }
    print(out, file, matches);
    return matches.isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
  }

  /**
   * @param file an existing, readable regular file, absolute
   * @param id the reference work's id, as the store's keys allow it
   * @param title its human name; may be null
   * @param outDir the local store whose catalogue to add to; null for {@code
   *     audiostems.storage.root}
   */
  public int addReference(
      Path file, String id, String title, Path outDir, PrintStream out, PrintStream err)
      throws Exception {
    Path root = outDir != null ? outDir : properties.storage().root();
    LocalBlobStore store = new LocalBlobStore(root);
    Path directory = cataloguePool.directory(root);
    com.audiostems.activities.media.MediaSettings media = poolStore.mediaSettings();
    Fingerprint fingerprint;
    try {
      fingerprint =
          new SourceFingerprinter(new MediaProcessRunner(media))
              .fingerprint(file, file.getFileName().toString(), f -> {});
    } catch (ApplicationFailure e) {
      err.println("audiostems: " + e.getOriginalMessage());
      return ExitCodes.REJECTED;
    }
    String tooShort = SourceFingerprinter.skippedReason(fingerprint);
    if (tooShort != null) {
      // A reference without hashes could never be matched.
      err.println("audiostems: " + tooShort + " A reference work needs a second of audio or more.");
      return ExitCodes.REJECTED;
    }
    String key = BlobKeys.referenceFingerprintKey(id);
    store.storeBytes(key, FingerprintCodec.encode(fingerprint));
    try (FingerprintCatalogues indexes = FingerprintCatalogues.open(directory)) {
      new CatalogueActivitiesImpl(store, indexes).addReference(new CatalogueEntry(id, title, key));
    } catch (java.io.UncheckedIOException e) {
      err.println(
          "audiostems: cannot open the catalogue at "
              + directory
              + " ("
              + e.getCause().getMessage()
              + "); is a serve running on it? Stop it, or add the reference there.");
      return ExitCodes.FAILED;
    }
    out.printf(
        Locale.ROOT,
        "Reference %s added: %d hashes over %.1f s (%.0f/s), catalogue %s%n",
        id,
        fingerprint.size(),
        fingerprint.durationSeconds(),
        fingerprint.hashesPerSecond(),
        directory);
    return ExitCodes.OK;
  }

  static void print(PrintStream out, Path file, CatalogueMatches matches) {
    if (matches.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%s: no match among the catalogue's tracks or reference works (%d query hashes)%n",
          file.getFileName(),
          matches.queryHashes());
      return;
    }
    out.printf(Locale.ROOT, "%s (%d query hashes):%n", file.getFileName(), matches.queryHashes());
    for (List<CatalogueMatch> list : List.of(matches.tracks(), matches.references())) {
      for (CatalogueMatch m : list) {
        out.printf(
            Locale.ROOT,
            "  %-9s %s%n",
            m.collection() == CatalogueMatch.Collection.TRACKS ? "track" : "reference",
            m.describe());
      }
    }
  }
}
