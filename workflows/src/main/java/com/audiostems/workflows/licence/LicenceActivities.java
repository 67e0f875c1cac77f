package com.audiostems.workflows.licence;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The licence workflow's side effects, on the audio-cpu queue. All are idempotent. */
@ActivityInterface
public interface LicenceActivities {

  /** Writes the licence's projection (licences table) and appends the audit row of the change. */
  @ActivityMethod
  void recordLicenceEvent(LicenceEvent event);

  /**
   * Deletes every delivered copy of the licence and its registry objects' delivery entries, and
   * requests a CDN invalidation of their paths.
   */
  @ActivityMethod
  WithdrawnCopies withdrawCopies(String licenceId, String reason);

  /**
   * The ids of the track's licences that are still active in the ledger: those a deleted track's
   * workflow revokes.
   */
  @ActivityMethod
  java.util.List<String> activeLicencesOfTrack(String trackId);
}
