package com.audiostems.workflows.catalogue;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Fingerprints a source: decodes it, computes its landmark hashes and stores them as a blob (the
 * claim check the catalogue reads), never in the history.
 */
@ActivityInterface
public interface FingerprintActivities {

  @ActivityMethod
  FingerprintRef fingerprint(FingerprintRequest request);
}
