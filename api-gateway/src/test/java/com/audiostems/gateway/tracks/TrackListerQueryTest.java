package com.audiostems.gateway.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The visibility query in Temporal's SQL-like list filter syntax. */
class TrackListerQueryTest {

  @Test
  void filtersByWorkflowTypeAndOptionallyByStatus() {
    assertThat(TrackLister.query(null)).isEqualTo("WorkflowType = 'TrackIngestWorkflow'");
    assertThat(TrackLister.query(WorkflowStatus.RUNNING))
        .isEqualTo("WorkflowType = 'TrackIngestWorkflow' AND ExecutionStatus = 'Running'");
    assertThat(TrackLister.query(WorkflowStatus.TIMED_OUT))
        .isEqualTo("WorkflowType = 'TrackIngestWorkflow' AND ExecutionStatus = 'TimedOut'");
  }
}
