package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotent starts, and the visibility listing that shows one workflow per track. */
class IdempotencyAndListingTest extends GatewayTestBase {

  @Test
  void theSameKeyAndBodyGiveTheSameTrackAndOneWorkflowWhileADifferentBodyIsAConflict() {
    String uploadId = upload(UPLOADER, "Take 2.flac", "fake flac".getBytes(StandardCharsets.UTF_8));
    String key = "retry-" + uploadId;

    GatewayHttp.Reply first =
        http.post(
            "/v1/tracks",
            UPLOADER,
            Map.of("uploadId", uploadId, "formats", List.of("FLAC")),
            "Idempotency-Key",
            key);
    // The same request, as a retry after a lost response would send it (names spelled differently).
    GatewayHttp.Reply again =
        http.post(
            "/v1/tracks",
            UPLOADER,
            Map.of("uploadId", uploadId, "formats", List.of("flac")),
            "Idempotency-Key",
            key);

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    String trackId = first.json().get("trackId").asText();
    assertThat(again.json().get("trackId").asText()).isEqualTo(trackId);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(listAll("running", 1))
        .filteredOn(trackId::equals)
        .as("one workflow for the track")
        .hasSize(1);

    JsonNode conflict =
        assertProblem(
            http.post(
                "/v1/tracks",
                UPLOADER,
                Map.of("uploadId", uploadId, "formats", List.of("ALAC")),
                "Idempotency-Key",
                key),
            409,
            "idempotency-key-reused");
    assertThat(conflict.get("detail").asText()).contains(trackId);
    awaitPublished(trackId, 1);
  }

  @Test
  void tracksAreListedByStatusOnePageAtATime() {
    String uploadId = upload(UPLOADER, "Listed.wav", "listed".getBytes(StandardCharsets.UTF_8));
    String a = startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("WAV_24")));
    String b = startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("WAV_24")));
    awaitPublished(a, 1);
    awaitPublished(b, 1);
    assertThat(http.delete("/v1/tracks/" + b, OPERATOR).status()).isEqualTo(202);
    awaitStatus(b, s -> "canceled".equals(s.get("status").asText()));

    assertThat(listAll("running", 1)).contains(a).doesNotContain(b);
    assertThat(listAll("canceled", 1)).contains(b).doesNotContain(a);
    assertThat(listAll(null, 100)).contains(a, b);
    JsonNode page = http.get("/v1/tracks?status=running&pageSize=1", OPERATOR).json();
    assertThat(page.get("tracks")).hasSize(1);
    assertThat(page.at("/tracks/0/owner").asText()).isNotBlank();

    assertProblem(http.get("/v1/tracks?status=sleeping", OPERATOR), 400, "bad-status");
    assertProblem(http.get("/v1/tracks", UPLOADER), 403, "forbidden");
  }

  /** Every track id of the listing, following nextPageToken to the end. */
  private List<String> listAll(String status, int pageSize) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String query =
          "/v1/tracks?pageSize="
              + pageSize
              + (status == null ? "" : "&status=" + status)
              + (token == null ? "" : "&pageToken=" + token);
      GatewayHttp.Reply reply = http.get(query, OPERATOR);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      reply.json().get("tracks").forEach(t -> ids.add(t.get("trackId").asText()));
      JsonNode next = reply.json().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    return ids;
  }
}
