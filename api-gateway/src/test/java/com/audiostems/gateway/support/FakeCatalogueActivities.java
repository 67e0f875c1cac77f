package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import com.audiostems.workflows.catalogue.LookupRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's tests need the track journey, not fingerprints: a catalogue that holds track ids
 * and never matches, and a fingerprinter that stores a placeholder where the fingerprint goes.
 */
public final class FakeCatalogueActivities implements CatalogueActivities, FingerprintActivities {
  private final LocalBlobStore store;
  public final Set<String> tracks = ConcurrentHashMap.newKeySet();

  public FakeCatalogueActivities(LocalBlobStore store) {
    this.store = store;
  }

  @Override
  public FingerprintRef fingerprint(FingerprintRequest request) {
    try {
      store.storeBytes(request.fingerprintKey(), "test fingerprint".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FingerprintRef(request.fingerprintKey(), 0, 0);
  }

  @Override
  public CatalogueMatches lookup(LookupRequest request) {
    return new CatalogueMatches(null, null, 0);
  }

  @Override
  public void addTrack(CatalogueEntry entry) {
    tracks.add(entry.id());
  }

  @Override
  public boolean removeTrack(String trackId) {
    return tracks.remove(trackId);
  }

  @Override
  public void addReference(CatalogueEntry entry) {}

  @Override
  public boolean removeReference(String referenceId) {
    return false;
  }
}
