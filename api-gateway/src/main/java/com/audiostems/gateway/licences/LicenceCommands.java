package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.LicenceProblems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.tracks.WorkerCalls;
import com.audiostems.licensing.LicenceTokenClaims;
import com.audiostems.workflows.licence.ExtendRequest;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.RevokeRequest;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The licensing desk's changes to a licence, sent to its workflow: the licence-expiry signal, the
 * revoke signal and the extend update (validated by the workflow before it enters the history). An
 * ended licence takes none of them: 410 naming how it ended.
 */
@Component
public class LicenceCommands {
  private final LicenceFinder finder;
  private final WorkerCalls workers;
  private final LicensingServices licensing;

  public LicenceCommands(LicenceFinder finder, WorkerCalls workers, LicensingServices licensing) {
    this.finder = finder;
    this.workers = workers;
    this.licensing = licensing;
  }

  public LicenceResponse.Links revoke(ApiClient operator, String licenceId, String reason) {
    LicenceExecution licence = activeLicence(operator, licenceId);
    finder.workflowOf(licence).revoke(new RevokeRequest(reason, operator.name()));
    return LicenceResponse.Links.of(licenceId);
  }

  public LicenceResponse.Links expire(ApiClient operator, String licenceId) {
    LicenceExecution licence = activeLicence(operator, licenceId);
    finder.workflowOf(licence).expire();
    return LicenceResponse.Links.of(licenceId);
  }

  /** The licence with its new end, and a new token carrying it. */
  public LicenceResponse extend(ApiClient operator, String licenceId, ExtendBody body) {
    LicenceExecution licence = activeLicence(operator, licenceId);
    LicenceState extended;
    try {
      extended =
          workers.call(
              licenceId,
              () ->
                  finder
                      .workflowOf(licence)
                      .extend(new ExtendRequest(body.endsAt(), operator.name())));
    } catch (WorkflowUpdateException e) {
      throw rejected(licenceId, e);
    }
    String token =
        licensing
            .tokens()
            .issue(
                new LicenceTokenClaims(
                    licenceId,
                    extended.terms().licensee(),
                    extended.terms().trackId(),
                    extended.terms().formats().stream().map(Enum::name).toList(),
                    extended.endsAt(),
                    null));
    return LicenceResponse.of(extended, token);
  }

  private LicenceExecution activeLicence(ApiClient operator, String licenceId) {
    LicenceExecution licence = finder.findFor(operator, licenceId);
    if (!licence.running()) {
      LicenceState state = finder.state(licence);
      throw LicenceProblems.of(
          LicenceFailures.LICENCE_ENDED,
          "Licence '"
              + licenceId
              + "' is "
              + state.status().name().toLowerCase(java.util.Locale.ROOT)
              + " ("
              + state.endReason()
              + "); an ended licence cannot be changed, grant a new one.");
    }
    return licence;
  }

  /** The workflow's validator refused: its sentence, under the licence failure's status. */
  private static RuntimeException rejected(String licenceId, WorkflowUpdateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        String type =
            LicenceProblems.isLicenceFailure(app.getType())
                ? app.getType()
                : LicenceFailures.INVALID_TERMS;
        // A refused extension is a request the licence cannot take as it stands: 422, not 400.
        if (LicenceFailures.INVALID_TERMS.equals(type)) {
          return com.audiostems.gateway.problems.Problems.exception(
              HttpStatus.UNPROCESSABLE_ENTITY,
              "extension-rejected",
              "Extension rejected",
              app.getOriginalMessage());
        }
        return LicenceProblems.of(type, app.getOriginalMessage());
      }
    }
    return com.audiostems.gateway.problems.Problems.exception(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "extension-rejected",
        "Extension rejected",
        "Licence '" + licenceId + "' refused the extension: " + e.getMessage());
  }
}
