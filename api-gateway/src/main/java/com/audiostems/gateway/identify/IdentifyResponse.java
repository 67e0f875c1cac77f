package com.audiostems.gateway.identify;

import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Where an uploaded recording occurs in the catalogue.
 *
 * @param queryId the query, to GET again at {@code self}
 * @param state {@code running} (poll {@code self}) or {@code done}
 * @param found true when it matched a published track or a reference work
 * @param tracks matches among the catalogue's published tracks, best first; each with the matched
 *     time range in both files, the score and the speed ratio
 * @param references matches among third-party reference works, best first
 * @param queryHashes how many fingerprint hashes the upload gave, for reading scores
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifyResponse(
    String queryId,
    @Schema(allowableValues = {"running", "done"}) String state,
    Boolean found,
    List<CatalogueMatch> tracks,
    List<CatalogueMatch> references,
    Integer queryHashes,
    String fileName,
    Links links) {

  public record Links(String self) {}

  static IdentifyResponse running(String queryId, String fileName) {
    return new IdentifyResponse(
        queryId, "running", null, null, null, null, fileName, links(queryId));
  }

  static IdentifyResponse done(String queryId, String fileName, CatalogueMatches matches) {
    return new IdentifyResponse(
        queryId,
        "done",
        !matches.isEmpty(),
        matches.tracks(),
        matches.references(),
        matches.queryHashes(),
        fileName,
        links(queryId));
  }

  private static Links links(String queryId) {
    return new Links("/v1/identify/" + queryId);
  }
}
