package com.audiostems.activities.catalogue;

import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.dsp.fingerprint.LookupLimits;
import com.audiostems.dsp.fingerprint.Match;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatch.Collection;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.LookupRequest;
import com.audiostems.workflows.storage.BlobKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's two fingerprint indexes — published tracks and third-party reference works —
 * behind the {@link CatalogueActivities} contract. Each entry is also recorded in the blob store
 * ({@code catalogue/<collection>/<id>.json}: id, title, fingerprint key), the source of truth the
 * indexes can be rebuilt from ({@link #rebuildFromStore}) when a host's index directory is lost.
 */
public final class CatalogueActivitiesImpl implements CatalogueActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlobStore store;
  private final FingerprintCatalogues indexes;

  public CatalogueActivitiesImpl(BlobStore store, FingerprintCatalogues indexes) {
    this.store = Objects.requireNonNull(store);
    this.indexes = Objects.requireNonNull(indexes);
  }

  @Override
  public CatalogueMatches lookup(LookupRequest request) {
    try {
      Fingerprint query = load(request.fingerprintKey());
      if (query.size() == 0) {
        // Audio too short to fingerprint: nothing to look up, and nothing can match.
        return new CatalogueMatches(List.of(), List.of(), 0);
      }
      List<CatalogueMatch> tracks = matches(Collection.TRACKS, query, request.trackId());
      List<CatalogueMatch> references = matches(Collection.REFERENCES, query, null);
      return new CatalogueMatches(tracks, references, query.size());
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  @Override
  public void addTrack(CatalogueEntry entry) {
    add(Collection.TRACKS, BlobKeys.requireTrackId(entry.id()), entry);
  }

  @Override
  public boolean removeTrack(String trackId) {
    return remove(Collection.TRACKS, BlobKeys.requireTrackId(trackId));
  }

  @Override
  public void addReference(CatalogueEntry entry) {
    add(Collection.REFERENCES, BlobKeys.requireTrackId(entry.id()), entry);
  }

  @Override
  public boolean removeReference(String referenceId) {
    return remove(Collection.REFERENCES, BlobKeys.requireTrackId(referenceId));
  }

  /**
   * Re-indexes every entry recorded in the store from its stored fingerprint: after a lost index
   * directory, or a change of the index layout. Entries whose fingerprint is gone are skipped and
   * counted.
   *
   * @return entries indexed
   */
  public int rebuildFromStore() throws IOException {
    int indexed = 0;
    for (Collection collection : Collection.values()) {
      for (String key : store.list(entryPrefix(collection))) {
        if (!key.endsWith(".json")) {
          continue;
        }
        CatalogueEntry entry;
        try (InputStream in = store.open(key)) {
          entry = JSON.readValue(in, CatalogueEntry.class);
        }
        try {
          indexes.of(collection).put(entry.id(), load(entry.fingerprintKey()));
          indexed++;
        } catch (NoSuchFileException e) {
          // The entry outlived its fingerprint (a half-finished removal): nothing to index.
        } catch (ApplicationFailure e) {
          // Same: its fingerprint is missing from the store.
        }
      }
    }
    return indexed;
  }

  private void add(Collection collection, String id, CatalogueEntry entry) {
    try {
      Fingerprint fingerprint = load(entry.fingerprintKey());
      // The record first: a crash between the two leaves an entry the rebuild restores.
      store.storeBytes(entryKey(collection, id), JSON.writeValueAsBytes(entry));
      indexes.of(collection).put(id, fingerprint);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private boolean remove(Collection collection, String id) {
    try {
      boolean removed = indexes.of(collection).remove(id);
      store.delete(entryKey(collection, id));
      return removed;
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private List<CatalogueMatch> matches(Collection collection, Fingerprint query, String excludedId)
      throws IOException {
    List<CatalogueMatch> out = new ArrayList<>();
    // Within the default posting budget, and only the candidates that reach the decision threshold.
    for (Match m : indexes.of(collection).lookup(query, LookupLimits.production())) {
      if (m.trackId().equals(excludedId)) {
        continue;
      }
      out.add(
          new CatalogueMatch(
              collection,
              m.trackId(),
              titleOf(collection, m.trackId()),
              m.score(),
              m.queryStartSeconds(),
              m.queryEndSeconds(),
              m.referenceStartSeconds(),
              m.referenceEndSeconds(),
              m.speedRatio()));
    }
    return out;
  }

  private String titleOf(Collection collection, String id) throws IOException {
    try (InputStream in = store.open(entryKey(collection, id))) {
      return JSON.readValue(in, CatalogueEntry.class).title();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private Fingerprint load(String fingerprintKey) throws IOException {
    StorageFailures.requireSafe(fingerprintKey);
    try (InputStream in = store.open(fingerprintKey)) {
      return FingerprintCodec.decode(in.readAllBytes());
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The fingerprint "
              + fingerprintKey
              + " is not in the store; fingerprint the audio again.",
          TrackFailures.SOURCE_MISSING);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(
          new IOException(
              "The fingerprint " + fingerprintKey + " is unreadable: " + e.getMessage(), e));
    }
  }

  static String entryPrefix(Collection collection) {
    return "catalogue/" + collection.name().toLowerCase(java.util.Locale.ROOT) + "/";
  }

  static String entryKey(Collection collection, String id) {
    return entryPrefix(collection) + id + ".json";
  }
}
