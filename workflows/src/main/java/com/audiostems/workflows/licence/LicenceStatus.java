package com.audiostems.workflows.licence;

/** Where a licence is in its life: granted, then ended once, by its timer or by a person. */
public enum LicenceStatus {
  /** Granted and within its term (or waiting for its start). */
  ACTIVE,
  /** The term ran out (the timer fired) or the licensing desk expired it early. */
  EXPIRED,
  /** Withdrawn by the licensing desk, or because its track was deleted. */
  REVOKED;

  public boolean ended() {
    return this != ACTIVE;
  }
}
