package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.LicenceProblems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.tracks.FormatAndTierNames;
import com.audiostems.gateway.tracks.TrackFilesReader;
import com.audiostems.licensing.LicenceTokenClaims;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceTerms;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Grants a licence: checks the terms and that the track publishes every granted format, seals the
 * licensee's token, then starts the licence's workflow, which records the grant (its projection and
 * audit row) and keeps the term's timer. The token is sealed first: should the start fail, nothing
 * exists that a token could open.
 */
@Component
public class LicenceGrants {
  private final WorkflowClient workflows;
  private final TrackFilesReader tracks;
  private final LicensingServices licensing;
  private final Clock clock;

  public LicenceGrants(
      WorkflowClient workflows, TrackFilesReader tracks, LicensingServices licensing, Clock clock) {
    this.workflows = workflows;
    this.tracks = tracks;
    this.licensing = licensing;
    this.clock = clock;
  }

  /** The granted licence (ACTIVE, as its workflow starts) and the licensee's token. */
  public LicenceResponse grant(ApiClient operator, GrantLicenceBody body) {
    LicenceTerms terms = terms(body);
    TrackManifest manifest = tracks.publishedManifest(operator, terms.trackId());
    requirePublished(manifest, terms.formats());

    String licenceId = LicenceIds.newId();
    String token =
        licensing
            .tokens()
            .issue(
                new LicenceTokenClaims(
                    licenceId,
                    terms.licensee(),
                    terms.trackId(),
                    terms.formats().stream().map(Enum::name).toList(),
                    terms.endsAt(),
                    null));
    LicenceWorkflow workflow =
        workflows.newWorkflowStub(
            LicenceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LicenceWorkflow.workflowId(licenceId))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setStaticSummary("licence of " + terms.trackId() + " to " + terms.licensee())
                .setMemo(
                    Map.of(
                        LicenceMemo.KEY,
                        new LicenceMemo(terms.licensee(), terms.trackId(), operator.name())))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    WorkflowClient.start(workflow::run, new LicenceGrant(licenceId, terms, operator.name()));
    return LicenceResponse.of(
        new LicenceState(licenceId, terms, LicenceStatus.ACTIVE, terms.endsAt(), null, null, 0),
        token);
  }

  private LicenceTerms terms(GrantLicenceBody body) {
    Instant now = clock.instant();
    Instant startsAt = body.startsAt() != null ? body.startsAt() : now;
    if ((body.endsAt() == null) == (body.duration() == null)) {
      throw invalid("Give the end of the term as either endsAt or duration (ISO 8601, e.g. P30D).");
    }
    if (body.duration() != null && (body.duration().isNegative() || body.duration().isZero())) {
      throw invalid("duration must be positive, was " + body.duration() + ".");
    }
    Instant endsAt = body.endsAt() != null ? body.endsAt() : startsAt.plus(body.duration());
    if (!endsAt.isAfter(startsAt)) {
      throw invalid("The term must end after it starts: " + startsAt + " to " + endsAt + ".");
    }
    if (!endsAt.isAfter(now)) {
      throw invalid("The term ends at " + endsAt + ", which has passed.");
    }
    List<String> territories =
        body.territories() == null || body.territories().isEmpty()
            ? List.of(LicenceTerms.WORLDWIDE)
            : body.territories().stream().map(t -> t.toUpperCase(Locale.ROOT)).distinct().toList();
    return new LicenceTerms(
        body.trackId(),
        body.licensee(),
        FormatAndTierNames.formats(body.formats()),
        territories,
        startsAt,
        endsAt,
        body.feeMinorUnits(),
        body.currency(),
        body.usageType());
  }

  private static void requirePublished(TrackManifest manifest, List<OutputFormat> granted) {
    Set<OutputFormat> published =
        manifest.outputs().stream().map(EncodedOutput::format).collect(Collectors.toSet());
    List<OutputFormat> missing = granted.stream().filter(f -> !published.contains(f)).toList();
    if (!missing.isEmpty()) {
      throw LicenceProblems.of(
          LicenceFailures.FORMAT_NOT_AVAILABLE,
          "Track '"
              + manifest.trackId()
              + "' has no "
              + missing
              + " output to license; it publishes "
              + published.stream().sorted().toList()
              + ".");
    }
  }

  private static RuntimeException invalid(String sentence) {
    return LicenceProblems.of(LicenceFailures.INVALID_TERMS, sentence);
  }
}
