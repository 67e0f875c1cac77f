package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import com.audiostems.workflows.catalogue.LookupRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's tests need the catalogue's answers, not real fingerprints (those are tested in
 * audio-dsp, activities and the app): the "fingerprint" of an upload is its text, and an upload
 * whose text names {@code TRACK:<id>} or {@code REFERENCE:<id>} matches that track or reference
 * work (at 0:12-0:22 of it). Text starting "not audio" is refused as the real fingerprinter would.
 */
public final class FakeCatalogueActivities implements CatalogueActivities, FingerprintActivities {
  private static final Pattern NAMED = Pattern.compile("(TRACK|REFERENCE):([A-Za-z0-9_-]+)");

  private final LocalBlobStore store;
  public final Set<String> tracks = ConcurrentHashMap.newKeySet();

  public FakeCatalogueActivities(LocalBlobStore store) {
    this.store = store;
  }

  @Override
  public FingerprintRef fingerprint(FingerprintRequest request) {
    try (InputStream in = store.open(request.sourceKey())) {
      byte[] source = in.readAllBytes();
      if (new String(source, StandardCharsets.UTF_8).startsWith("not audio")) {
        throw ApplicationFailure.newNonRetryableFailure(
            "The file is not audio (test).", TrackFailures.NOT_AUDIO);
      }
      store.storeBytes(request.fingerprintKey(), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FingerprintRef(request.fingerprintKey(), 100, 10, null);
  }

  @Override
  public CatalogueMatches lookup(LookupRequest request) {
    String text;
    try (InputStream in = store.open(request.fingerprintKey())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher named = NAMED.matcher(text);
    if (!named.find()) {
      return new CatalogueMatches(null, null, 100);
    }
    boolean reference = named.group(1).equals("REFERENCE");
    CatalogueMatch match =
        new CatalogueMatch(
            reference ? CatalogueMatch.Collection.REFERENCES : CatalogueMatch.Collection.TRACKS,
            named.group(2),
            "Test " + named.group(2),
            42,
            0,
            10,
            12,
            22,
            1.0);
    return reference
        ? new CatalogueMatches(null, List.of(match), 100)
        : new CatalogueMatches(List.of(match), null, 100);
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
