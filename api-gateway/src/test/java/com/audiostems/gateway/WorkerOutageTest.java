package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackSearchAttributes;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A track whose workers are gone: the API answers in bounded time and says why. */
class WorkerOutageTest extends GatewayTestBase {
  @Autowired TestWorkflowEnvironment temporal;

  @Test
  void aTrackWhoseWorkersDoNotAnswerIsA503WithinTheWorkerTimeout() {
    // Started on a task queue no worker polls, as a track is while its workers are down.
    String trackId = startUnpolled(SearchAttributes.EMPTY);

    long started = System.nanoTime();
    assertProblem(http.get("/v1/tracks/" + trackId, OPERATOR), 503, "workers-unavailable");
    assertThat((System.nanoTime() - started) / 1_000_000)
        .as("ms, with a 1 s worker timeout")
        .isLessThan(5_000);
    assertProblem(
        http.post(
            "/v1/tracks/" + trackId + "/reprocess",
            OPERATOR,
            java.util.Map.of("formats", List.of("FLAC"))),
        503,
        "workers-unavailable");
    assertThat(http.get("/v1/tracks/" + trackId, UPLOADER).status())
        .as("not the uploader's: no memo, no owner")
        .isEqualTo(404);
    assertThat(http.delete("/v1/tracks/" + trackId, OPERATOR).status())
        .as("cancelling needs no worker")
        .isEqualTo(202);
  }

  @Test
  void aBusyTrackThatIndexedItsStageIsAnsweredFromTheSearchIndex() {
    // A track whose workflow has written its stage to the search attributes, and whose workers
    // then stopped answering (here: nobody polls its queue).
    String trackId =
        startUnpolled(
            SearchAttributes.newBuilder()
                .set(TrackSearchAttributes.TRACK_STAGE, TrackStage.ENCODING.name())
                .build());

    var reply = http.get("/v1/tracks/" + trackId, OPERATOR);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("stage").asText()).isEqualTo("ENCODING");
    assertThat(reply.json().get("answeredFrom").asText()).isEqualTo("SEARCH_INDEX");
    assertThat(reply.json().get("version").isNull()).as("not in the index").isTrue();
    assertThat(reply.json().get("status").asText()).isEqualTo("running");
  }

  /** Starts a track's workflow on a task queue no worker polls; returns the track id. */
  private String startUnpolled(SearchAttributes searchAttributes) {
    String trackId = Ids.random();
    TrackIngestWorkflow unpolled =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                TrackIngestWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
                    .setTaskQueue("nobody-polls")
                    .setTypedSearchAttributes(searchAttributes)
                    .build());
    WorkflowClient.start(
        unpolled::ingest,
        new TrackIngestRequest(
            trackId, "uploads/x/source.wav", "x.wav", List.of(), 1, true, null, null));
    return trackId;
  }
}
