package com.audiostems.workflows.catalogue;

/** What happens to an upload whose recording is already a published track of the catalogue. */
public enum DuplicatePolicy {
  /** The upload is rejected ({@code DuplicateTrack}), naming the track it duplicates. */
  REJECT,
  /** The upload is published as an alternate version of the best-matching track. */
  LINK_AS_ALTERNATE
}
