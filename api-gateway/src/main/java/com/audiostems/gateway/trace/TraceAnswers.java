package com.audiostems.gateway.trace;

import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.trace.LeakTrace;
import com.audiostems.workflows.watermark.WatermarkDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished {@link LeakTrace} as the API tells it: the licence a licence's payload names, with its
 * licensee from the ledger, and the mark's timeline as marked and unmarked time ranges.
 */
final class TraceAnswers {
  private TraceAnswers() {}

  /**
   * @param ledger the licences' ledger; empty where this gateway runs without one (the licensee is
   *     then left out, the licence id still names it)
   */
  static TraceResponse done(
      String queryId, String fileName, LeakTrace trace, Optional<Ledger> ledger) {
    CatalogueMatches matches = trace.identification();
    TraceResponse.Fingerprint fingerprint =
        new TraceResponse.Fingerprint(
            !matches.tracks().isEmpty() || !matches.references().isEmpty(),
            matches.tracks(),
            matches.references(),
            matches.queryHashes());
    TraceResponse.Watermark watermark = watermark(trace.watermark(), ledger);
    return new TraceResponse(
        queryId,
        "done",
        fileName,
        fingerprint.found() || watermark.found(),
        fingerprint,
        watermark,
        TraceResponse.links(queryId));
  }

  static TraceResponse.Watermark watermark(WatermarkDetection mark, Optional<Ledger> ledger) {
    if (!mark.found()) {
      return new TraceResponse.Watermark(
          false,
          null,
          null,
          null,
          null,
          null,
          null,
          mark.confidence(),
          mark.durationSeconds(),
          List.of(),
          ranges(mark.timeline(), false));
    }
    // The detector reads the licence id from the payload and the licensee from the registry; the
    // ledger fills in what the registry lacks (a copy whose registry object is gone) and the track.
    String licenceId = mark.licenceId();
    Optional<LicenceRecord> licence =
        licenceId == null ? Optional.empty() : ledger.flatMap(l -> l.findLicence(licenceId));
    String trackId =
        mark.trackId() != null ? mark.trackId() : licence.map(LicenceRecord::trackId).orElse(null);
    String licensee =
        mark.licensee() != null
            ? mark.licensee()
            : licence.map(LicenceRecord::licensee).orElse(null);
    return new TraceResponse.Watermark(
        true,
        mark.kind(),
        mark.payloadId(),
        mark.keyId(),
        trackId,
        licenceId,
        licensee,
        mark.confidence(),
        mark.durationSeconds(),
        ranges(mark.timeline(), true),
        ranges(mark.timeline(), false));
  }

  /** Runs of consecutive segments with this verdict, each joined into one range. */
  static List<TraceResponse.TimeRange> ranges(
      List<WatermarkDetection.Segment> timeline, boolean marked) {
    List<TraceResponse.TimeRange> ranges = new ArrayList<>();
    WatermarkDetection.Segment runStart = null;
    WatermarkDetection.Segment previous = null;
    for (WatermarkDetection.Segment segment : timeline) {
      if (segment.marked() == marked && runStart == null) {
        runStart = segment;
      } else if (segment.marked() != marked && runStart != null) {
        ranges.add(new TraceResponse.TimeRange(runStart.startSeconds(), previous.endSeconds()));
        runStart = null;
      }
      previous = segment;
    }
    if (runStart != null) {
      ranges.add(new TraceResponse.TimeRange(runStart.startSeconds(), previous.endSeconds()));
    }
    return List.copyOf(ranges);
  }
}
