package com.audiostems.gateway.tracks;

import com.audiostems.gateway.security.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The track resource: each method hands over to the class that does the work. */
@RestController
@RequestMapping("/v1/tracks")
@Tag(
    name = "tracks",
    description = "Tracks: their processing, status, files, re-processing and deletion")
public class TrackController {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final TrackStarter starter;
  private final TrackStatusReader status;
  private final TrackFilesReader files;
  private final TrackLister lister;
  private final TrackCommands commands;

  public TrackController(
      TrackStarter starter,
      TrackStatusReader status,
      TrackFilesReader files,
      TrackLister lister,
      TrackCommands commands) {
    this.starter = starter;
    this.status = status;
    this.files = files;
    this.lister = lister;
    this.commands = commands;
  }

  @Operation(
      summary = "Start processing an uploaded file",
      description =
          "Starts the track's workflow (probe, validate, read tags, encode, verify, publish) and answers 202 at once. "
              + "With an Idempotency-Key, repeating the same request returns the same track without starting another; "
              + "the same key with a different request is a 409. Every preview is watermarked; the `watermark` flag is "
              + "recorded only. A recording that matches a reference work waits in stage HELD_FOR_REVIEW for POST "
              + "/v1/tracks/{trackId}/review.")
  @ApiResponse(
      responseCode = "202",
      description = "Started (or, with a repeated Idempotency-Key, started before)",
      useReturnTypeSchema = true)
  @PostMapping
  public ResponseEntity<TrackAccepted> start(
      @Valid @RequestBody StartTrackRequest request,
      @Parameter(description = "Makes retries safe: same key and body, same track.")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      @AuthenticationPrincipal ApiClient client) {
    TrackStarter.Started started = starter.start(client, request, idempotencyKey);
    TrackAccepted body = TrackAccepted.of(started.trackId());
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(body.links().self())
            .build()
            .toUri();
    ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(location);
    if (started.replayed()) {
      response.header(REPLAYED, "true");
    }
    return response.body(body);
  }

  @Operation(
      summary = "List tracks",
      description =
          "Through Temporal visibility, newest first, one page at a time. Operators and admins only.")
  @GetMapping
  public TrackListResponse list(
      @Parameter(
              description =
                  "running, completed, failed, canceled, terminated or timed_out; absent for all")
          @RequestParam(required = false)
          String status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize,
      @RequestParam(required = false) String pageToken) {
    return lister.list(status == null ? null : WorkflowStatus.parse(status), pageSize, pageToken);
  }

  @Operation(
      summary = "A track's status",
      description = "Stage, published version, each output's progress and any failure.")
  @GetMapping("/{trackId}")
  public TrackStatusResponse status(
      @PathVariable String trackId, @AuthenticationPrincipal ApiClient client) {
    return status.read(client, trackId);
  }

  @Operation(
      summary = "A track's technical quality",
      description =
          "The quality checks of the published version's source: score, tiers, findings, and signed links to the report, its page and its images.")
  @GetMapping("/{trackId}/quality")
  public TrackQualityResponse quality(
      @PathVariable String trackId, @AuthenticationPrincipal ApiClient client) {
    return files.quality(client, trackId);
  }

  @Operation(
      summary = "A track's published files",
      description = "Signed download URLs for every output of the published version.")
  @GetMapping("/{trackId}/files")
  public TrackFilesResponse files(
      @PathVariable String trackId, @AuthenticationPrincipal ApiClient client) {
    return files.files(client, trackId);
  }

  @Operation(
      summary = "Re-process some outputs",
      description =
          "Re-encodes the named outputs as the next version and switches the track to it once verified. "
              + "A request the track cannot meet (not published yet, no formats, a format this source cannot have) is a 422.")
  @ApiResponse(
      responseCode = "202",
      description = "Queued; `version` is the version it will publish",
      useReturnTypeSchema = true)
  @PostMapping("/{trackId}/reprocess")
  public ResponseEntity<TrackAccepted> reprocess(
      @PathVariable String trackId,
      @Valid @RequestBody ReprocessBody request,
      @AuthenticationPrincipal ApiClient client) {
    return ResponseEntity.accepted().body(commands.reprocess(client, trackId, request));
  }

  @Operation(
      summary = "Approve or reject a track held for copyright review",
      description =
          "A track whose recording matches a third-party reference work waits in stage HELD_FOR_REVIEW "
              + "(its status's `failure` names the work and where it matches). The decision, with the operator's name and "
              + "note, is sent to its workflow: approved, it goes on to be published; rejected, it fails with "
              + "CopyrightReviewRejected and nothing is kept. A track that is not held is a 409.")
  @ApiResponse(
      responseCode = "202",
      description = "Decision sent; GET the track to follow it",
      useReturnTypeSchema = true)
  @PostMapping("/{trackId}/review")
  public ResponseEntity<TrackAccepted> review(
      @PathVariable String trackId,
      @Valid @RequestBody ReviewBody decision,
      @AuthenticationPrincipal ApiClient client) {
    return ResponseEntity.accepted().body(commands.review(client, trackId, decision));
  }

  @Operation(
      summary = "Delete a track",
      description =
          "Cancels the track's workflow, which deletes its published files and manifest (or undoes a half-done ingest).")
  @ApiResponse(
      responseCode = "202",
      description = "Deletion under way; GET the track until its status is canceled",
      useReturnTypeSchema = true)
  @DeleteMapping("/{trackId}")
  public ResponseEntity<TrackAccepted> delete(
      @PathVariable String trackId, @AuthenticationPrincipal ApiClient client) {
    return ResponseEntity.accepted().body(commands.delete(client, trackId));
  }
}
