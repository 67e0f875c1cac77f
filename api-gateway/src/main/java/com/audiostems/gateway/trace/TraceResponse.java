package com.audiostems.gateway.trace;

import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a file found in the wild is, in one answer: the fingerprint says which track and where (in
 * the track and in the file); the watermark says whose copy it was (a licence and its licensee, or
 * a preview) and along which stretches of the file the mark holds.
 *
 * @param queryId the trace, to GET again at {@code self}
 * @param state {@code running} (poll {@code self}) or {@code done}
 * @param found true when the fingerprint matched or a mark was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceResponse(
    String queryId,
    @Schema(allowableValues = {"running", "done"}) String state,
    String fileName,
    Boolean found,
    Fingerprint fingerprint,
    Watermark watermark,
    Links links) {

  public record Links(String self) {}

  /**
   * The catalogue lookup.
   *
   * @param tracks matches among the published tracks, best first: {@code id} is the track, {@code
   *     matchStart/EndSeconds} where in the track, {@code queryStart/EndSeconds} where in the file
   * @param references matches among third-party reference works
   * @param queryHashes fingerprint hashes the file gave, for reading scores
   */
  public record Fingerprint(
      boolean found,
      List<CatalogueMatch> tracks,
      List<CatalogueMatch> references,
      int queryHashes) {}

  /**
   * The mark read from the file.
   *
   * @param kind {@code preview}, {@code licence}, or {@code unknown (0x..)}; null when none found
   * @param payloadId the 32 hex digits the mark carries
   * @param trackId the marked track (the registry's, else the licence's)
   * @param licenceId for a licence's copy: the licence its payload names
   * @param licensee for a licence's copy: whom the licence was granted to, from the ledger; null
   *     when the ledger does not know the licence or this gateway has none
   * @param confidence z-score of the whole file against the re-encoded mark
   * @param durationSeconds length of the decoded file
   * @param marked the stretches of the file that carry the mark
   * @param unmarked the stretches that do not (cut, replaced or shifted), for telling an edit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Watermark(
      boolean found,
      String kind,
      String payloadId,
      String keyId,
      String trackId,
      String licenceId,
      String licensee,
      double confidence,
      double durationSeconds,
      List<TimeRange> marked,
      List<TimeRange> unmarked) {}

  /** A stretch of the found file, in seconds from its start. */
  public record TimeRange(double startSeconds, double endSeconds) {}

  static TraceResponse running(String queryId, String fileName) {
    return new TraceResponse(queryId, "running", fileName, null, null, null, links(queryId));
  }

  static Links links(String queryId) {
    return new Links("/v1/trace/" + queryId);
  }
}
