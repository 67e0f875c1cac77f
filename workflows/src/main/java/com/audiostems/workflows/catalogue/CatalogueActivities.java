package com.audiostems.workflows.catalogue;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The catalogue's fingerprint indexes: the published tracks, and the reference works of third
 * parties. They run on {@link com.audiostems.workflows.TaskQueues#CATALOGUE}, polled by the one
 * worker that holds the indexes.
 */
@ActivityInterface
public interface CatalogueActivities {

  /**
   * Looks a stored fingerprint up in both indexes.
   *
   * @return the tracks and references it matches above the decision threshold, best first; the
   *     request's own track is never among them
   */
  @ActivityMethod
  CatalogueMatches lookup(LookupRequest request);

  /** Adds (or re-indexes) a published track. Idempotent. */
  @ActivityMethod
  void addTrack(CatalogueEntry entry);

  /** Removes a track from the index; true if it was there. Idempotent. */
  @ActivityMethod
  boolean removeTrack(String trackId);

  /** Adds (or replaces) a third-party reference work. Idempotent. */
  @ActivityMethod
  void addReference(CatalogueEntry entry);

  /** Removes a reference work; true if it was there. Idempotent. */
  @ActivityMethod
  boolean removeReference(String referenceId);
}
