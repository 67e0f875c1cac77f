package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys and roles, and the shape of every error. */
class SecurityAndProblemsTest extends GatewayTestBase {

  @Test
  void callsWithoutAValidKeyAre401AndCallsBeyondTheRoleAre403() {
    JsonNode missing = assertProblem(http.get("/v1/tracks/abc", null), 401, "unauthenticated");
    assertThat(missing.get("detail").asText()).contains("X-Api-Key");
    assertThat(missing.get("instance").asText()).isEqualTo("/v1/tracks/abc");
    assertThat(
            assertProblem(http.get("/v1/tracks/abc", "not-a-key"), 401, "unauthenticated")
                .get("detail")
                .asText())
        .contains("not known");

    JsonNode forbidden = assertProblem(http.delete("/v1/tracks/abc", UPLOADER), 403, "forbidden");
    assertThat(forbidden.get("detail").asText()).contains("uploader-1").contains("DELETE");
    assertProblem(
        http.post("/v1/tracks/abc/reprocess", UPLOADER, Map.of("formats", List.of("FLAC"))),
        403,
        "forbidden");
    assertProblem(
        http.post("/v1/uploads", OPERATOR, Map.of("fileName", "a.wav", "sizeBytes", 1)),
        403,
        "forbidden");
  }

  @Test
  void errorsAreProblemDetailsThatSayWhatToDo() {
    assertThat(
            assertProblem(http.get("/v1/tracks/no-such-track", OPERATOR), 404, "track-not-found")
                .get("detail")
                .asText())
        .contains("no-such-track");
    assertProblem(http.get("/v1/tracks/bad.id", OPERATOR), 400, "bad-id");
    assertThat(
            assertProblem(
                    http.post(
                        "/v1/uploads",
                        UPLOADER,
                        Map.of("fileName", "big.wav", "sizeBytes", 2 * 1024 * 1024)),
                    413,
                    "upload-too-large")
                .get("detail")
                .asText())
        .contains("1048576");
    assertThat(
            assertProblem(
                    http.post(
                        "/v1/tracks", UPLOADER, Map.of("uploadId", "x", "formats", List.of("OGG"))),
                    400,
                    "bad-output-format")
                .get("detail")
                .asText())
        .contains("FLAC_96K");
    assertProblem(http.post("/v1/uploads", UPLOADER, "{not json"), 400, "unreadable-body");
    assertProblem(
        http.post("/v1/uploads", UPLOADER, Map.of("fileName", "x".repeat(5000), "sizeBytes", 1)),
        413,
        "body-too-large");
    assertProblem(
        http.postChunked(
            "/v1/uploads",
            UPLOADER,
            "{\"fileName\": \"" + "x".repeat(5000) + "\", \"sizeBytes\": 1}"),
        413,
        "body-too-large");
    assertProblem(
        http.post("/v1/tracks", UPLOADER, Map.of("uploadId", "0123456789abcdef0123456789abcdef")),
        404,
        "upload-not-found");

    // Spring MVC's own validation errors leave as problems too, with a documented type.
    GatewayHttp.Reply invalid =
        http.post("/v1/uploads", UPLOADER, Map.of("fileName", "../etc/passwd", "sizeBytes", 1));
    assertThat(assertProblem(invalid, 400, "invalid-request").get("detail").asText())
        .contains("fileName must be a plain file name");
    assertProblem(
        http.post("/v1/uploads", UPLOADER, Map.of("fileName", "a.wav", "sizeBytes", -1)),
        400,
        "invalid-request");
  }

  /** Issue 15: a 0-byte upload was a 400 of type about:blank. */
  @Test
  void anEmptyFileIsRefusedWithItsOwnProblemType() {
    JsonNode empty =
        assertProblem(
            http.post("/v1/uploads", UPLOADER, Map.of("fileName", "empty.wav", "sizeBytes", 0)),
            400,
            "empty-file");

    assertThat(empty.get("detail").asText())
        .contains("'empty.wav' is empty (0 bytes)", "Upload the file");
  }

  @Test
  void aTrackStartsOnlyFromTheOwnersCompleteUpload() {
    GatewayHttp.Reply location =
        http.post("/v1/uploads", UPLOADER, Map.of("fileName", "late.wav", "sizeBytes", 4));
    String uploadId = location.json().get("uploadId").asText();

    assertProblem(
        http.post("/v1/tracks", UPLOADER, Map.of("uploadId", uploadId)), 409, "upload-incomplete");
    assertThat(
            http.put(location.json().get("url").asText(), "data".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(200);
    assertProblem(
        http.post("/v1/tracks", OTHER_UPLOADER, Map.of("uploadId", uploadId)),
        404,
        "upload-not-found");
    String trackId =
        startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("PREVIEW_MP3_128")));
    awaitPublished(trackId, 1);
  }
}
