package com.audiostems.workflows.track;

import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.licence.RevokeRequest;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.List;

/** A deleted track's licences: each still active is revoked, so nothing more is delivered. */
final class TrackLicences {
  /** The version of the change that made deleting a track revoke its licences. */
  static final String REVOKE_ON_DELETE = "revoke-licences-on-delete";

  private TrackLicences() {}

  static void revokeAll(String trackId) {
    LicenceActivities licences =
        Workflow.newActivityStub(LicenceActivities.class, TrackActivityOptions.STORAGE);
    List<String> active = licences.activeLicencesOfTrack(trackId);
    RevokeRequest revocation =
        new RevokeRequest("its track " + trackId + " was deleted", "track-deleted");
    for (String licenceId : active) {
      ExternalWorkflowStub licence =
          Workflow.newUntypedExternalWorkflowStub(LicenceWorkflow.workflowId(licenceId));
      try {
        licence.signal("revoke", revocation);
      } catch (SignalExternalWorkflowException e) {
        // Its workflow is not running (it ended meanwhile, or lived in an embedded command's
        // in-process server): it then delivers nothing from this server, and its next command
        // finds the track's manifest gone.
      }
    }
  }
}
