package com.audiostems.gateway.search;

import com.audiostems.gateway.tracks.TrackListResponse;
import com.audiostems.gateway.tracks.TrackLister;
import com.audiostems.gateway.tracks.WorkflowStatus;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackSearchAttributes;
import com.audiostems.workflows.track.TrackStage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Searches tracks over what the gateway can read without a worker: the track list from Temporal's
 * visibility (with the stage the workflow records as its {@code TrackStage} search attribute) and
 * each published track's {@code manifest.json} in the store (tier, key, tempo).
 */
@Component
public class TrackSearch {
  private static final ObjectMapper MANIFEST_JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final TrackLister lister;
  private final BlobStore store;

  public TrackSearch(TrackLister lister, BlobStore store) {
    this.lister = lister;
    this.store = store;
  }

  public TrackSearchResponse search(TrackSearchCriteria criteria, int pageSize, String pageToken) {
    TrackLister.Page page = lister.page(null, pageSize, pageToken);
    List<TrackSearchResponse.Match> matches = new ArrayList<>();
    for (WorkflowExecutionMetadata execution : page.executions()) {
      TrackListResponse.TrackSummary summary = TrackLister.summary(execution);
      TrackStage stage = stageOf(execution, summary.status());
      TrackManifest manifest = manifestOf(summary.trackId(), summary.status());
      if (criteria.matches(stage, manifest)) {
        matches.add(match(summary, stage, manifest));
      }
    }
    return new TrackSearchResponse(matches, page.executions().size(), page.nextPageToken());
  }

  /**
   * A closed track's stage follows from how it closed; a running one's is the search attribute its
   * workflow upserts at each stage.
   */
  static TrackStage stageOf(WorkflowExecutionMetadata execution, WorkflowStatus status) {
    switch (status) {
      case COMPLETED:
        return TrackStage.PUBLISHED;
      case CANCELED:
        return TrackStage.CANCELLED;
      case FAILED:
      case TERMINATED:
      case TIMED_OUT:
        return TrackStage.FAILED;
      default:
        break;
    }
    String recorded = execution.getTypedSearchAttributes().get(TrackSearchAttributes.TRACK_STAGE);
    if (recorded == null) {
      return null;
    }
    try {
      return TrackStage.valueOf(recorded);
    } catch (IllegalArgumentException e) {
      return null; // a stage a newer worker knows; not one this gateway can search for
    }
  }

  /** The published manifest; null when nothing is published (or the track is gone). */
  private TrackManifest manifestOf(String trackId, WorkflowStatus status) {
    if (status != WorkflowStatus.RUNNING && status != WorkflowStatus.COMPLETED) {
      return null;
    }
    try (InputStream in = store.open(BlobKeys.manifestKey(trackId))) {
      return MANIFEST_JSON.readValue(in, TrackManifest.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the manifest of track " + trackId, e);
    }
  }

  private static TrackSearchResponse.Match match(
      TrackListResponse.TrackSummary summary, TrackStage stage, TrackManifest manifest) {
    TrackAnalysis analysis = manifest == null ? null : manifest.analysis();
    return new TrackSearchResponse.Match(
        summary.trackId(),
        summary.status(),
        stage,
        summary.fileName(),
        manifest == null ? 0 : manifest.version(),
        manifest == null || manifest.quality() == null ? null : manifest.quality().effectiveTier(),
        manifest == null || manifest.quality() == null ? null : manifest.quality().score(),
        analysis == null || analysis.key() == null ? null : analysis.key().name(),
        analysis == null || analysis.tempo() == null ? null : analysis.tempo().bpm(),
        summary.startedAt(),
        summary.links());
  }
}
