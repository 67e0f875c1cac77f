package com.audiostems.activities.testing;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.OutputEncoder;
import com.audiostems.activities.media.SourceInspector;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.storage.StorageActivitiesImpl;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.TrackManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A track published the way the ingest workflow publishes one, through the production pieces: the
 * source stored and probed ({@link SourceInspector}), planned ({@link OutputPlanner}), encoded and
 * tagged in one lane ({@link OutputEncoder}, {@link JaudiotaggerOutputTagger}), and its manifest
 * written ({@link StorageActivitiesImpl#publishManifest}). No analysis, verification or preview
 * mark: what a delivery reads from a manifest does not depend on them.
 */
public final class PublishedTracks {
  private PublishedTracks() {}

  public static TrackManifest publish(
      BlobStore store,
      MediaProcessRunner runner,
      String trackId,
      Path sourceFile,
      Set<OutputFormat> formats,
      TrackMetadata metadata)
      throws IOException {
    String name = sourceFile.getFileName().toString();
    String sourceKey = BlobKeys.sourceKey(trackId, name);
    store.store(sourceKey, sourceFile);
    SourceProbe probe =
        new SourceInspector(runner, store).probe(new ProbeRequest(trackId, sourceKey));
    OutputPlan plan = OutputPlanner.plan(trackId, probe, formats);
    EncodeLaneResult encoded =
        new OutputEncoder(runner, store, new JaudiotaggerOutputTagger())
            .encodeLane(
                new EncodeLaneRequest(trackId, sourceKey, probe, plan.outputs(), metadata),
                f -> {});
    TrackManifest manifest =
        new TrackManifest(
            TrackManifest.SCHEMA_VERSION,
            trackId,
            1,
            "track-" + trackId,
            "run-1",
            "2026-12-07T00:00:00Z",
            new TrackManifest.Source(
                sourceKey, name, probe, null, probe.durationSeconds(), 0, null),
            metadata,
            encoded.outputs(),
            plan.absent(),
            null,
            null,
            null,
            new TrackManifest.Preview(false, null),
            null,
            Map.of());
    new StorageActivitiesImpl(store).publishManifest(new PublishManifestRequest(trackId, manifest));
    return manifest;
  }
}
