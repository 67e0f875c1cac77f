package com.audiostems.workflows.watermark;

import java.util.List;

/**
 * What the detector found in a file.
 *
 * @param found whether a mark was decoded (CRC-checked and correlated)
 * @param payloadId its payload, 32 hex digits; null when none was found
 * @param keyId the configured key that matched; null when none did
 * @param kind what the payload says it marks ("preview", "licence"); null when none was found
 * @param trackId the track the registry maps the payload to; null when not found or not registered
 * @param licenceId the licence a delivered copy's payload names (read from the payload itself, so
 *     known even without a registry); null for other kinds
 * @param licensee who the licence was granted to, from the registry; null when not a licence's copy
 *     or not registered
 * @param confidence z-score of the whole file against the re-encoded mark
 * @param durationSeconds length of the decoded file
 * @param timeline where along the file the mark is present; empty when none was found
 */
public record WatermarkDetection(
    boolean found,
    String payloadId,
    String keyId,
    String kind,
    String trackId,
    String licenceId,
    String licensee,
    double confidence,
    double durationSeconds,
    List<Segment> timeline) {

  /**
   * A stretch of the file and whether it carries the mark (z >= 3 against the re-encoded mark);
   * stretches cut, replaced or shifted read as unmarked.
   */
  public record Segment(double startSeconds, double endSeconds, double z, boolean marked) {}
}
