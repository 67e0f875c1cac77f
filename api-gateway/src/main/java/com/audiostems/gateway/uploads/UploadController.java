package com.audiostems.gateway.uploads;

import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.config.UploadProperties;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.locations.UploadLocations;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.workflows.storage.BlobKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "uploads", description = "Upload locations for source files")
public class UploadController {
  private final UploadTickets tickets;
  private final UploadLocations locations;
  private final UploadProperties uploads;
  private final LinkProperties links;
  private final Clock clock;

  public UploadController(
      UploadTickets tickets, UploadLocations locations, UploadProperties uploads, LinkProperties links, Clock clock) {
    this.tickets = tickets;
    this.locations = locations;
    this.uploads = uploads;
    this.links = links;
    this.clock = clock;
  }

  @Operation(
      summary = "Get a location to upload one source file to",
      description = "Answers a signed PUT location for exactly `sizeBytes` bytes. Sizes over the gateway's limit are refused (413).")
  @ApiResponse(responseCode = "201", description = "Where to PUT the file", useReturnTypeSchema = true)
  @PostMapping("/v1/uploads")
  public ResponseEntity<UploadLocationResponse> create(
      @Valid @RequestBody CreateUploadRequest request, @AuthenticationPrincipal ApiClient client) {
    long maxBytes = uploads.maxSize().toBytes();
    if (request.sizeBytes() > maxBytes) {
      throw Problems.exception(
          HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
          "The file is " + request.sizeBytes() + " bytes; uploads are limited to " + maxBytes + " bytes.");
    }
    String uploadId = Ids.random();
    Instant now = clock.instant();
    UploadTicket ticket =
        new UploadTicket(uploadId, client.name(), request.fileName(), request.sizeBytes(), BlobKeys.sourceKey(uploadId, request.fileName()), now);
    tickets.save(ticket);
    PresignedRequest put =
        locations.presignUpload(uploadId, ticket.sourceKey(), ticket.sizeBytes(), now.plus(links.uploadValidity()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new UploadLocationResponse(uploadId, put.method(), put.url(), put.expiresAt(), ticket.sourceKey(), put.headers()));
  }
}
