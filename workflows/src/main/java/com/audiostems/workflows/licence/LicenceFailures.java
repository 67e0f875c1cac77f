package com.audiostems.workflows.licence;

/**
 * Failure types of the licence half, each the {@code type} of a non-retryable {@code
 * ApplicationFailure}; the gateway maps them to problem details (status in brackets).
 */
public final class LicenceFailures {
  /** No licence with that id (404). */
  public static final String UNKNOWN_LICENCE = "UnknownLicence";

  /** No published track with that id (404). */
  public static final String UNKNOWN_TRACK = "UnknownTrack";

  /** The track has no such output, or the licence does not grant that format (422). */
  public static final String FORMAT_NOT_AVAILABLE = "FormatNotAvailable";

  /** The licence expired or was revoked (410); the message says which and why. */
  public static final String LICENCE_ENDED = "LicenceEnded";

  /** The licence's term has not started yet (403). */
  public static final String LICENCE_NOT_STARTED = "LicenceNotStarted";

  /** The claimed territory is not one the licence covers (403). */
  public static final String TERRITORY_NOT_COVERED = "TerritoryNotCovered";

  /** Bad terms: an end before the start, an extension not after the current end, ... (400). */
  public static final String INVALID_TERMS = "InvalidLicenceTerms";

  private LicenceFailures() {}
}
