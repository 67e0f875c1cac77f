package com.audiostems.workflows.delivery;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Delivery work on the audio-cpu queue: arguments are ids and keys, results are facts. */
@ActivityInterface
public interface DeliveryActivities {

  /**
   * Returns the stored copy when one exists for (licence, format); otherwise decodes the master,
   * marks it with the licence's payload, encodes it with the published output's settings, writes
   * its tags (with the licence id in a comment) and stores it with its SHA-256. Heartbeats.
   */
  @ActivityMethod
  MarkedCopy makeMarkedCopy(MarkedCopyRequest request);
}
