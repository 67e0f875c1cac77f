package com.audiostems.gateway.tracks;

import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.TrackProperties;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.uploads.UploadTicket;
import com.audiostems.gateway.uploads.UploadTickets;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Starts a track's workflow from an upload.
 *
 * <p>Idempotency lives in Temporal, not in a table of our own: with an {@code Idempotency-Key} the
 * track id is derived from the client and the key, so a repeat names the same workflow id and
 * Temporal refuses a second start even when two repeats race. The first start's request fingerprint
 * is in the workflow's memo; a repeat with the same fingerprint gets the same track, a different
 * one a 409. Ids are never reused while Temporal retains the workflow ({@code REJECT_DUPLICATE}),
 * so a repeat after a delete does not bring the track back.
 */
@Component
public class TrackStarter {
  /** Printable ASCII, as IETF's Idempotency-Key draft expects of a key. */
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

  private final WorkflowClient workflows;
  private final UploadTickets tickets;
  private final TrackProperties tracks;
  private final MeterRegistry meters;

  public TrackStarter(
      WorkflowClient workflows,
      UploadTickets tickets,
      TrackProperties tracks,
      MeterRegistry meters) {
    this.workflows = workflows;
    this.tickets = tickets;
    this.tracks = tracks;
    this.meters = meters;
  }

  /**
   * @param replayed true when an earlier request with the same Idempotency-Key started the track
   */
  public record Started(String trackId, boolean replayed) {}

  public Started start(ApiClient client, StartTrackRequest body, String idempotencyKey) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw Problems.badRequest(
          "bad-idempotency-key", "An Idempotency-Key is 1-255 printable ASCII characters.");
    }
    List<OutputFormat> formats = FormatAndTierNames.formats(body.formats());
    QualityTier tier = FormatAndTierNames.tier(body.tier());
    boolean watermark = Boolean.TRUE.equals(body.watermark());
    DuplicatePolicy duplicates = FormatAndTierNames.duplicatePolicy(body.duplicates());
    UploadTicket ticket = tickets.findFor(client, body.uploadId());
    if (!tickets.contentReceived(ticket)) {
      if (ticket.multipart() != null) {
        throw Problems.conflict(
            "multipart-upload-incomplete",
            "Upload '"
                + ticket.uploadId()
                + "' is an upload in parts that is not completed: PUT every part, then POST "
                + "their ETags to /v1/uploads/"
                + ticket.uploadId()
                + "/complete.");
      }
      throw Problems.conflict(
          "upload-incomplete",
          "Upload '"
              + ticket.uploadId()
              + "' has no content yet: PUT the file to its upload URL first.");
    }
    String fingerprint = fingerprint(ticket.uploadId(), formats, tier, watermark, duplicates);
    String trackId =
        idempotencyKey == null ? Ids.random() : Ids.derived("track", client.name(), idempotencyKey);
    TrackMemo memo =
        new TrackMemo(
            client.name(),
            ticket.uploadId(),
            ticket.fileName(),
            formats.stream().map(Enum::name).toList(),
            tier == null ? null : tier.name(),
            watermark,
            fingerprint);
    TrackIngestWorkflow workflow =
        workflows.newWorkflowStub(
            TrackIngestWorkflow.class,
            options(trackId, body.summary() != null ? body.summary() : ticket.fileName(), memo));
    TrackIngestRequest request =
        new TrackIngestRequest(
            trackId,
            ticket.sourceKey(),
            ticket.fileName(),
            formats,
            tracks.encodeLanes(),
            true,
            tier,
            null,
            tracks.cataloguePolicy(duplicates));
    try {
      WorkflowClient.start(workflow::ingest, request);
      count("started");
      return new Started(trackId, false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      if (idempotencyKey == null) {
        throw e;
      }
      TrackMemo first = memoOf(trackId);
      if (first != null && fingerprint.equals(first.requestSha256())) {
        count("replayed");
        return new Started(trackId, true);
      }
      throw Problems.conflict(
          "idempotency-key-reused",
          "Idempotency-Key '"
              + idempotencyKey
              + "' already started track '"
              + trackId
              + "' with a different request; send a new key for a new request.");
    }
  }

  /**
   * @param summary the job's line in the Temporal UI: "title — artist" when the client gave them,
   *     else the file name
   */
  private static WorkflowOptions options(String trackId, String summary, TrackMemo memo) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
        .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
        .setStaticSummary(summary)
        .setMemo(Map.of(TrackMemo.KEY, memo))
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  private TrackMemo memoOf(String trackId) {
    return workflows
        .newUntypedWorkflowStub(TrackIngestWorkflow.workflowId(trackId))
        .describe()
        .getMemo(TrackMemo.KEY, TrackMemo.class, TrackMemo.class);
  }

  /** Equal for requests that mean the same (names normalised, formats in enum order). */
  static String fingerprint(
      String uploadId,
      List<OutputFormat> formats,
      QualityTier tier,
      boolean watermark,
      DuplicatePolicy duplicates) {
    return Ids.sha256Hex(
        "uploadId="
            + uploadId
            + "\nformats="
            + formats
            + "\ntier="
            + (tier == null ? "" : tier.name())
            + "\nwatermark="
            + watermark
            + (duplicates == null ? "" : "\nduplicates=" + duplicates.name()));
  }

  private void count(String outcome) {
    meters.counter("audiostems.gateway.tracks.started", "outcome", outcome).increment();
  }
}
