package com.audiostems.activities.catalogue;

import com.audiostems.workflows.catalogue.CatalogueMatch.Collection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two on-disk indexes of one catalogue directory: {@code tracks/} and {@code references/}. One
 * process owns them (Lucene's write lock says so to any second one).
 */
public final class FingerprintCatalogues implements AutoCloseable {
  private final LuceneFingerprintCatalogue tracks;
  private final LuceneFingerprintCatalogue references;

  private FingerprintCatalogues(
      LuceneFingerprintCatalogue tracks, LuceneFingerprintCatalogue references) {
    this.tracks = tracks;
    this.references = references;
  }

  /**
   * @throws java.io.UncheckedIOException when an index cannot be opened (another process holds it)
   */
  public static FingerprintCatalogues open(Path directory) {
    LuceneFingerprintCatalogue tracks =
        LuceneFingerprintCatalogue.open(directory.resolve("tracks"));
    try {
      return new FingerprintCatalogues(
          tracks, LuceneFingerprintCatalogue.open(directory.resolve("references")));
    } catch (RuntimeException e) {
      tracks.close();
      throw e;
    }
  }

  /**
   * Removes a closed catalogue directory that holds no entry (what a rejected first job leaves);
   * one with entries is kept. Returns whether it was removed.
   */
  public static boolean deleteIfEmpty(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (FingerprintCatalogues indexes = open(directory)) {
      if (!indexes.isEmpty()) {
        return false;
      }
    }
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(directory)) {
      entries = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path entry : entries) {
      Files.deleteIfExists(entry);
    }
    return true;
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
