package com.audiostems.activities.catalogue;

import com.audiostems.workflows.catalogue.CatalogueMatch.Collection;
import java.nio.file.Path;

/**
 * The two on-disk indexes of one catalogue directory: {@code tracks/} and {@code references/}.
 * One process owns them (Lucene's write lock says so to any second one).
 */
public final class FingerprintCatalogues implements AutoCloseable {
  private final LuceneFingerprintCatalogue tracks;
  private final LuceneFingerprintCatalogue references;

  private FingerprintCatalogues(LuceneFingerprintCatalogue tracks, LuceneFingerprintCatalogue references) {
    this.tracks = tracks;
    this.references = references;
  }

  /** @throws java.io.UncheckedIOException when an index cannot be opened (another process holds it) */
  public static FingerprintCatalogues open(Path directory) {
    LuceneFingerprintCatalogue tracks = LuceneFingerprintCatalogue.open(directory.resolve("tracks"));
    try {
      return new FingerprintCatalogues(tracks, LuceneFingerprintCatalogue.open(directory.resolve("references")));
    } catch (RuntimeException e) {
      tracks.close();
      throw e;
    }
  }

  public LuceneFingerprintCatalogue of(Collection collection) {
    return collection == Collection.TRACKS ? tracks : references;
  }

  /** True when neither index holds an entry (a new or a lost directory). */
  public boolean isEmpty() {
    return tracks.trackCount() == 0 && references.trackCount() == 0;
  }

  @Override
  public void close() {
    try {
      tracks.close();
    } finally {
      references.close();
    }
  }
}
