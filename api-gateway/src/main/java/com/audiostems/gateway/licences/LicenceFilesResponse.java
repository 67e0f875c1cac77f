package com.audiostems.gateway.licences;

import com.audiostems.workflows.media.OutputFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A licensee's marked copies: while they are being made {@code state} is {@code making} (answered
 * 202 with a Location to ask again), then {@code ready} with a link to each.
 *
 * @param expiresAt when the links stop working: the link lifetime, but never after the licence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceFilesResponse(
    String licenceId,
    String trackId,
    @Schema(allowableValues = {"making", "ready"}) String state,
    Instant expiresAt,
    List<CopyFile> files) {

  /**
   * One marked copy.
   *
   * @param sha256 of the delivered file (each licensee's copy differs: it carries its mark)
   */
  public record CopyFile(
      OutputFormat format, String fileName, long bytes, String sha256, URI url) {}

  static LicenceFilesResponse making(String licenceId, String trackId) {
    return new LicenceFilesResponse(licenceId, trackId, "making", null, null);
  }
}
