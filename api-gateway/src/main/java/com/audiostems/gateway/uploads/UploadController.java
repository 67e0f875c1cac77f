package com.audiostems.gateway.uploads;

import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.config.UploadProperties;
import com.audiostems.gateway.locations.MultipartUploads;
import com.audiostems.gateway.locations.PartPlan;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.locations.UploadLocations;
import com.audiostems.gateway.locations.local.GatewayBaseUrl;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.storage.UploadedPart;
import com.audiostems.workflows.storage.BlobKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upload locations: one PUT of the whole file, or, for a large file on S3, an S3 multipart upload
 * with a presigned URL per part that the client completes (or aborts) here.
 */
@RestController
@Tag(name = "uploads", description = "Upload locations for source files")
public class UploadController {
  private final UploadTickets tickets;
  private final UploadLocations locations;
  private final Optional<MultipartUploads> multipartUploads;
  private final UploadProperties uploads;
  private final LinkProperties links;
  private final GatewayBaseUrl baseUrl;
  private final Clock clock;

  public UploadController(
      UploadTickets tickets,
      UploadLocations locations,
      Optional<MultipartUploads> multipartUploads,
      UploadProperties uploads,
      LinkProperties links,
      Clock clock) {
    this.tickets = tickets;
    this.locations = locations;
    this.multipartUploads = multipartUploads;
    this.uploads = uploads;
    this.links = links;
    this.baseUrl = new GatewayBaseUrl(links);
    this.clock = clock;
  }

  @Operation(
      summary = "Get a location to upload one source file to",
      description =
          "Answers a signed PUT location for exactly `sizeBytes` bytes. On S3, a file above the store's multipart "
              + "threshold (`multipart-threshold-bytes`) is an S3 multipart upload instead: `multipart` lists a presigned URL "
              + "and byte range per part, and the upload is completed with POST /v1/uploads/{uploadId}/complete. "
              + "An empty file is refused (400 empty-file), and so are sizes over the gateway's limit (413).")
  @ApiResponse(
      responseCode = "201",
      description = "Where to PUT the file, or its parts",
      useReturnTypeSchema = true)
  @PostMapping("/v1/uploads")
  public ResponseEntity<UploadLocationResponse> create(
      @Valid @RequestBody CreateUploadRequest request, @AuthenticationPrincipal ApiClient client) {
    long maxBytes = uploads.maxSize().toBytes();
    if (request.sizeBytes() == 0) {
      throw Problems.badRequest(
          "empty-file",
          "The file '"
              + request.fileName()
              + "' is empty (0 bytes): there is nothing to process. Upload the file"
              + " itself; if it should hold audio, export it again.");
    }
    if (request.sizeBytes() > maxBytes) {
      throw Problems.exception(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "upload-too-large",
          "Upload too large",
          "The file is "
              + request.sizeBytes()
              + " bytes; uploads are limited to "
              + maxBytes
              + " bytes.");
    }
    String uploadId = Ids.random();
    Instant now = clock.instant();
    String sourceKey = BlobKeys.sourceKey(uploadId, request.fileName());
    Optional<PartPlan> plan = multipartUploads.flatMap(m -> m.plan(request.sizeBytes()));
    UploadTicket ticket;
    if (plan.isPresent()) {
      MultipartUploads multipart = multipartUploads.orElseThrow();
      String storeUploadId = multipart.start(sourceKey);
      ticket =
          new UploadTicket(
              uploadId,
              client.name(),
              request.fileName(),
              request.sizeBytes(),
              sourceKey,
              now,
              new UploadTicket.Multipart(storeUploadId, plan.get().partSizeBytes()));
      try {
        tickets.save(ticket);
      } catch (RuntimeException e) {
        // Without its ticket nobody could complete or abort it: leave no parts billed.
        multipart.abort(sourceKey, storeUploadId);
        throw e;
      }
    } else {
      ticket =
          new UploadTicket(
              uploadId, client.name(), request.fileName(), request.sizeBytes(), sourceKey, now);
      tickets.save(ticket);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(locationOf(ticket, now.plus(links.uploadValidity())));
  }

  @Operation(
      summary = "Get fresh locations for an upload whose content has not arrived",
      description =
          "The same answer as POST /v1/uploads, with new URLs valid from now: to resume an upload in parts "
              + "after its part URLs expired (parts already sent stay), or to retry a single PUT. 409 once the content is in place.")
  @GetMapping("/v1/uploads/{uploadId}")
  public UploadLocationResponse locations(
      @PathVariable String uploadId, @AuthenticationPrincipal ApiClient client) {
    UploadTicket ticket = tickets.findFor(client, uploadId);
    if (tickets.contentReceived(ticket)) {
      throw Problems.conflict(
          "upload-complete",
          "Upload '" + uploadId + "' has its content already; start a track with it.");
    }
    return locationOf(ticket, clock.instant().plus(links.uploadValidity()));
  }

  @Operation(
      summary = "Complete an upload in parts",
      description =
          "Joins the parts in S3 into the source file. List every part, ordered by part number from 1, with the "
              + "ETag header its PUT answered. A missing part or a wrong ETag is a 400 problem and the upload stays open: "
              + "send the part again and repeat. Completing a completed upload answers the same again.")
  @ApiResponse(
      responseCode = "200",
      description = "The content is in place",
      useReturnTypeSchema = true)
  @PostMapping("/v1/uploads/{uploadId}/complete")
  public UploadCompleted complete(
      @PathVariable String uploadId,
      @Valid @RequestBody CompleteUploadRequest request,
      @AuthenticationPrincipal ApiClient client) {
    UploadTicket ticket = tickets.findFor(client, uploadId);
    PartPlan plan = partPlanOf(ticket);
    UploadCompleted completed =
        new UploadCompleted(uploadId, ticket.sourceKey(), ticket.sizeBytes(), plan.partCount());
    if (tickets.contentReceived(ticket)) {
      return completed;
    }
    requireEveryPartInOrder(uploadId, plan, request.parts());
    List<UploadedPart> parts =
        request.parts().stream().map(p -> new UploadedPart(p.partNumber(), p.eTag())).toList();
    multipart().complete(ticket.sourceKey(), ticket.multipart().storeUploadId(), parts);
    return completed;
  }

  @Operation(
      summary = "Abort an upload in parts",
      description =
          "Discards the upload and every part sent so far in S3, so none stays billed, and forgets the upload. "
              + "409 once it is completed.")
  @ApiResponse(responseCode = "204", description = "Aborted")
  @DeleteMapping("/v1/uploads/{uploadId}")
  public ResponseEntity<Void> abort(
      @PathVariable String uploadId, @AuthenticationPrincipal ApiClient client) {
    UploadTicket ticket = tickets.findFor(client, uploadId);
    partPlanOf(ticket);
    if (tickets.contentReceived(ticket)) {
      throw Problems.conflict(
          "upload-complete", "Upload '" + uploadId + "' is completed; there is nothing to abort.");
    }
    multipart().abort(ticket.sourceKey(), ticket.multipart().storeUploadId());
    tickets.delete(ticket);
    return ResponseEntity.noContent().build();
  }

  private UploadLocationResponse locationOf(UploadTicket ticket, Instant expiresAt) {
    Optional<PartPlan> plan = ticket.partPlan();
    if (plan.isEmpty()) {
      PresignedRequest put =
          locations.presignUpload(
              ticket.uploadId(), ticket.sourceKey(), ticket.sizeBytes(), expiresAt);
      return new UploadLocationResponse(
          ticket.uploadId(),
          put.method(),
          put.url(),
          put.expiresAt(),
          ticket.sourceKey(),
          put.headers());
    }
    MultipartUploads multipart = multipart();
    String storeUploadId = ticket.multipart().storeUploadId();
    List<UploadLocationResponse.Part> parts =
        IntStream.rangeClosed(1, plan.get().partCount())
            .mapToObj(
                n ->
                    new UploadLocationResponse.Part(
                        n,
                        multipart
                            .presignPart(ticket.sourceKey(), storeUploadId, n, expiresAt)
                            .url(),
                        plan.get().firstByte(n),
                        plan.get().lastByte(n)))
            .toList();
    String self = baseUrl.current() + "/v1/uploads/" + ticket.uploadId();
    return new UploadLocationResponse(
        ticket.uploadId(),
        "PUT",
        null,
        expiresAt,
        ticket.sourceKey(),
        Map.of(),
        new UploadLocationResponse.Multipart(
            plan.get().partSizeBytes(),
            plan.get().partCount(),
            parts,
            URI.create(self + "/complete"),
            URI.create(self)));
  }

  private static PartPlan partPlanOf(UploadTicket ticket) {
    return ticket
        .partPlan()
        .orElseThrow(
            () ->
                Problems.conflict(
                    "not-multipart",
                    "Upload '"
                        + ticket.uploadId()
                        + "' is sent in one PUT, not in parts; there is nothing to complete or abort."));
  }

  private MultipartUploads multipart() {
    return multipartUploads.orElseThrow(
        () ->
            new IllegalStateException(
                "An upload in parts, but this gateway's store (audiostems.gateway.storage.kind) has no multipart uploads"));
  }

  /**
   * All parts 1..n, each once, in order: S3 would refuse anything else with a less helpful error.
   */
  private static void requireEveryPartInOrder(
      String uploadId, PartPlan plan, List<CompleteUploadRequest.Part> parts) {
    int count = plan.partCount();
    boolean inOrder =
        parts.size() == count
            && IntStream.range(0, count).allMatch(i -> parts.get(i).partNumber() == i + 1);
    if (inOrder) {
      return;
    }
    Set<Integer> listed =
        parts.stream().map(CompleteUploadRequest.Part::partNumber).collect(Collectors.toSet());
    List<Integer> missing =
        IntStream.rangeClosed(1, count).filter(n -> !listed.contains(n)).limit(20).boxed().toList();
    List<Integer> unknown = listed.stream().filter(n -> n > count).sorted().limit(20).toList();
    String why =
        !missing.isEmpty()
            ? "missing part numbers " + missing + (missing.size() == 20 ? " and more" : "")
            : !unknown.isEmpty()
                ? "part numbers " + unknown + " are beyond its last part"
                : "a part is listed twice or out of order";
    throw Problems.badRequest(
        "bad-parts",
        "Upload '"
            + uploadId
            + "' has "
            + count
            + " parts, numbered 1 to "
            + count
            + "; list each once, in order, with its ETag: "
            + why
            + ".");
  }
}
