package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.storage.LocalBlobStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue through the API: identifying an uploaded excerpt, the operator's decision on a
 * track held for a reference-work match, and the duplicate policy of a start request. The workflows
 * are the real ones; the catalogue's answers come from the test's fake (see
 * FakeCatalogueActivities: an upload naming TRACK:id or REFERENCE:id matches it).
 */
class CatalogueEndpointsTest extends GatewayTestBase {
  @Autowired LocalBlobStore store;

  @Test
  void anUploadedExcerptIsIdentifiedWithTheMatchedRangeAndItsContentIsNotKept() throws Exception {
    String uploadId = upload(UPLOADER, "clip.mp3", bytes("ten seconds of TRACK:night-drive"));
    String sourceKey = "uploads/" + uploadId + "/source.mp3";
    assertThat(store.exists(sourceKey)).isTrue();

    GatewayHttp.Reply answered = http.post("/v1/identify", UPLOADER, Map.of("uploadId", uploadId));

    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    JsonNode body = answered.json();
    assertThat(body.get("state").asText()).isEqualTo("done");
    assertThat(body.get("found").asBoolean()).isTrue();
    assertThat(body.get("fileName").asText()).isEqualTo("clip.mp3");
    JsonNode match = body.get("tracks").get(0);
    assertThat(match.get("id").asText()).isEqualTo("night-drive");
    assertThat(match.get("matchStartSeconds").asDouble()).isEqualTo(12.0);
    assertThat(match.get("matchEndSeconds").asDouble()).isEqualTo(22.0);
    assertThat(match.get("speedRatio").asDouble()).isEqualTo(1.0);
    assertThat(body.get("references")).isEmpty();
    assertThat(store.exists(sourceKey)).as("the query's audio is deleted once answered").isFalse();

    // The answer can be read again by its owner and by operators, not by another uploader.
    String self = body.at("/links/self").asText();
    assertThat(self).isEqualTo("/v1/identify/" + uploadId);
    assertThat(http.get(self, UPLOADER).json().at("/tracks/0/id").asText())
        .isEqualTo("night-drive");
    assertThat(http.get(self, OPERATOR).status()).isEqualTo(200);
    assertProblem(http.get(self, OTHER_UPLOADER), 404, "identify-query-not-found");
    assertProblem(
        http.get("/v1/identify/no-such-query", OPERATOR), 404, "identify-query-not-found");
    // The upload was used up by the query: it can neither be identified again nor start a track.
    assertProblem(
        http.post("/v1/identify", UPLOADER, Map.of("uploadId", uploadId)), 404, "upload-not-found");
    assertProblem(
        http.post("/v1/tracks", UPLOADER, Map.of("uploadId", uploadId)), 404, "upload-not-found");
  }

  @Test
  void anUnknownExcerptIsNotFoundAFileThatIsNotAudioIsA422AndOthersUploadsAreNotTheirs() {
    JsonNode unknown =
        http.post(
                "/v1/identify",
                UPLOADER,
                Map.of("uploadId", upload(UPLOADER, "hum.wav", bytes("nothing known"))))
            .json();
    assertThat(unknown.get("found").asBoolean()).isFalse();
    assertThat(unknown.get("tracks")).isEmpty();
    assertThat(unknown.get("queryHashes").asInt()).isEqualTo(100);

    JsonNode rejected =
        assertProblem(
            http.post(
                "/v1/identify",
                UPLOADER,
                Map.of("uploadId", upload(UPLOADER, "notes.wav", bytes("not audio at all")))),
            422,
            "identify-rejected");
    assertThat(rejected.get("detail").asText()).contains("notes.wav").contains("NotAudio");

    String someoneElses = upload(OTHER_UPLOADER, "theirs.wav", bytes("TRACK:x"));
    assertProblem(
        http.post("/v1/identify", UPLOADER, Map.of("uploadId", someoneElses)),
        404,
        "upload-not-found");
    assertThat(http.post("/v1/identify", UPLOADER, Map.of()).status())
        .as("no uploadId")
        .isEqualTo(400);
    assertProblem(
        http.post("/v1/identify", null, Map.of("uploadId", someoneElses)), 401, "unauthenticated");
  }

  @Test
  void aTrackMatchingAReferenceWorkWaitsForAnOperatorWhoApprovesIt() throws Exception {
    String trackId =
        startTrack(
            UPLOADER,
            Map.of(
                "uploadId", upload(UPLOADER, "cover.wav", bytes("master with REFERENCE:ref-1"))));

    JsonNode held = awaitStatus(trackId, s -> "HELD_FOR_REVIEW".equals(s.get("stage").asText()));
    assertThat(held.get("status").asText()).isEqualTo("running");
    assertThat(held.get("failure").asText())
        .as("says what it is held for")
        .contains("ref-1")
        .contains("0:12");
    JsonNode heldFor = held.get("heldFor").get(0);
    assertThat(heldFor.get("id").asText()).isEqualTo("ref-1");
    assertThat(heldFor.get("collection").asText()).isEqualTo("REFERENCES");
    assertThat(heldFor.get("matchStartSeconds").asDouble()).isEqualTo(12.0);

    assertProblem(
        http.post("/v1/tracks/" + trackId + "/review", UPLOADER, Map.of("approve", true)),
        403,
        "forbidden");
    assertThat(
            http.post("/v1/tracks/" + trackId + "/review", OPERATOR, Map.of("note", "no decision"))
                .status())
        .as("no approve")
        .isEqualTo(400);
    GatewayHttp.Reply approved =
        whenWorkersAnswer(
            () ->
                http.post(
                    "/v1/tracks/" + trackId + "/review",
                    OPERATOR,
                    Map.of("approve", true, "note", "Licence L-2291 on file")));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(202);

    assertThat(awaitPublished(trackId, 1).get("heldFor")).as("no longer held").isEmpty();
    JsonNode review = manifestOf(trackId).at("/identification/review");
    assertThat(review.get("approved").asBoolean()).isTrue();
    assertThat(review.get("reviewer").asText()).isEqualTo("operator");
    assertThat(review.get("note").asText()).isEqualTo("Licence L-2291 on file");
    assertProblem(
        whenWorkersAnswer(
            () ->
                http.post("/v1/tracks/" + trackId + "/review", OPERATOR, Map.of("approve", false))),
        409,
        "track-not-held-for-review");
  }

  @Test
  void aTrackMatchingAReferenceWorkThatTheOperatorRejectsFailsAndKeepsNothing() throws Exception {
    String trackId =
        startTrack(
            UPLOADER,
            Map.of("uploadId", upload(UPLOADER, "sample.wav", bytes("loop of REFERENCE:ref-2"))));
    awaitStatus(trackId, s -> "HELD_FOR_REVIEW".equals(s.get("stage").asText()));

    assertThat(
            whenWorkersAnswer(
                    () ->
                        http.post(
                            "/v1/tracks/" + trackId + "/review",
                            OPERATOR,
                            Map.of("approve", false, "note", "uncleared sample")))
                .status())
        .isEqualTo(202);

    JsonNode failed = awaitStatus(trackId, s -> "failed".equals(s.get("status").asText()));
    assertThat(failed.get("failure").asText())
        .contains("CopyrightReviewRejected")
        .contains("uncleared sample")
        .contains("operator");
    assertThat(store.list("tracks/" + trackId + "/")).isEmpty();
    assertProblem(
        http.post("/v1/tracks/" + trackId + "/review", OPERATOR, Map.of("approve", true)),
        409,
        "track-closed");
  }

  @Test
  void aDuplicateIsRejectedByDefaultAndLinkedWhenTheStartRequestSaysSo() throws Exception {
    String rejected =
        startTrack(
            UPLOADER,
            Map.of(
                "uploadId", upload(UPLOADER, "again.wav", bytes("re-upload of TRACK:first-cut"))));
    JsonNode failed = awaitStatus(rejected, s -> "failed".equals(s.get("status").asText()));
    assertThat(failed.get("failure").asText()).contains("DuplicateTrack").contains("first-cut");

    String linked =
        startTrack(
            UPLOADER,
            Map.of(
                "uploadId",
                upload(UPLOADER, "radio edit.wav", bytes("edit of TRACK:first-cut")),
                "duplicates",
                "link"));
    awaitPublished(linked, 1);
    assertThat(manifestOf(linked).at("/identification/alternateOf").asText())
        .isEqualTo("first-cut");

    assertProblem(
        http.post(
            "/v1/tracks",
            UPLOADER,
            Map.of("uploadId", upload(UPLOADER, "x.wav", bytes("x")), "duplicates", "merge")),
        400,
        "bad-duplicate-policy");
  }

  private JsonNode manifestOf(String trackId) {
    JsonNode files =
        whenWorkersAnswer(() -> http.get("/v1/tracks/" + trackId + "/files", OPERATOR)).json();
    return http.get(files.get("manifestUrl").asText(), null).json();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
