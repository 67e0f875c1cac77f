package com.audiostems.workflows.track;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.workflow.Workflow;
import java.util.Set;

/** A version's output plan, by the rules the workflow's history was recorded with. */
final class OutputPlans {
  /**
   * The change id of ALAC left out for layouts it cannot hold (issue 15): the plan decides which
   * lanes run and what compensation deletes, so histories from before it keep the old plan.
   */
  static final String ALAC_OWN_LAYOUTS_ONLY = "alac-own-layouts-only";

  private OutputPlans() {}

  static OutputPlan plan(
      String trackId, int version, SourceProbe probe, Set<OutputFormat> requested) {
    boolean alacOwnLayoutsOnly =
        Workflow.getVersion(ALAC_OWN_LAYOUTS_ONLY, Workflow.DEFAULT_VERSION, 1) == 1;
    return OutputPlanner.plan(trackId, version, probe, requested, alacOwnLayoutsOnly);
  }
}
