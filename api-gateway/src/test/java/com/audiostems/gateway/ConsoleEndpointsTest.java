package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the operator console needs from the gateway: its static files without a key, the sign-in
 * check, the track search and the waveform peaks' link.
 */
class ConsoleEndpointsTest extends GatewayTestBase {

  @Test
  void theConsoleIsServedWithoutAKeyAndItsAddressLeadsToItsPage() {
    GatewayHttp.Reply root = http.get("/console/", null);
    assertThat(root.status()).isEqualTo(302);
    assertThat(root.header("Location")).endsWith("/console/index.html");
    GatewayHttp.Reply page = http.get("/console/index.html", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("<title>AudioStems console</title>");
    for (String asset : List.of("console.js", "waveform.js", "charts.js", "console.css")) {
      assertThat(http.get("/console/" + asset, null).status()).as(asset).isEqualTo(200);
    }
  }

  @Test
  void signingInChecksTheKeyAndSaysWhoItIs() {
    JsonNode session = http.get("/v1/session", OPERATOR).json();
    assertThat(session.get("role").asText()).isEqualTo("OPERATOR");
    assertThat(session.get("name").asText()).isNotBlank();
    assertThat(http.get("/v1/session", "not-a-key").status()).isEqualTo(401);
    assertThat(http.get("/v1/session", null).status()).isEqualTo(401);
  }

  @Test
  void aPublishedTrackIsFoundByStageAndTierAndItsPeaksAreLinked() {
    String uploadId =
        upload(UPLOADER, "Search Me.wav", "RIFF....WAVE search".getBytes(StandardCharsets.UTF_8));
    String trackId = startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("FLAC")));
    awaitPublished(trackId, 1);

    // The fake analysis publishes effective tier STANDARD, and finds no key or tempo.
    assertThat(found("stage=PUBLISHED&tier=STANDARD")).contains(trackId);
    assertThat(found("stage=published")).contains(trackId);
    assertThat(found("tier=HIGH")).doesNotContain(trackId);
    assertThat(found("stage=ENCODING")).doesNotContain(trackId);
    assertThat(found("key=Am")).doesNotContain(trackId);
    assertThat(found("bpmMin=0&bpmMax=400")).doesNotContain(trackId);

    assertProblem(http.get("/v1/search/tracks?tier=GOLD", OPERATOR), 400, "bad-tier");
    assertProblem(
        http.get("/v1/search/tracks?bpmMin=140&bpmMax=120", OPERATOR), 400, "bad-bpm-range");
    assertThat(http.get("/v1/search/tracks", UPLOADER).status())
        .as("searching every track is an operator's")
        .isEqualTo(403);

    JsonNode quality =
        whenWorkersAnswer(() -> http.get("/v1/tracks/" + trackId + "/quality", UPLOADER)).json();
    String peaksUrl = quality.get("peaksUrl").asText();
    assertThat(peaksUrl).contains("/tracks/" + trackId + "/v1/quality/waveform.dat");
    GatewayHttp.Reply peaks = http.get(peaksUrl, null);
    assertThat(peaks.status()).isEqualTo(200);
    assertThat(peaks.text()).isEqualTo("fake waveform.dat");
  }

  /** The track ids every page of a search finds. */
  private List<String> found(String query) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      GatewayHttp.Reply reply =
          http.get(
              "/v1/search/tracks?pageSize=100&"
                  + query
                  + (token == null ? "" : "&pageToken=" + token),
              OPERATOR);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      reply.json().get("tracks").forEach(t -> ids.add(t.get("trackId").asText()));
      JsonNode next = reply.json().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    return ids;
  }
}
