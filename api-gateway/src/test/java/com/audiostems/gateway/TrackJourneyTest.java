package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.storage.LocalBlobStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A track's whole life through the API: upload, start, progress, files, re-process, delete. */
class TrackJourneyTest extends GatewayTestBase {
  @Autowired LocalBlobStore store;

  @Test
  void aTrackGoesFromUploadToDownloadsThroughReprocessToDeletion() throws Exception {
    byte[] source = "RIFF....WAVE a fake master".getBytes(StandardCharsets.UTF_8);

    // Upload: a signed PUT location for exactly this many bytes.
    GatewayHttp.Reply location =
        http.post(
            "/v1/uploads", UPLOADER, Map.of("fileName", "My Song.wav", "sizeBytes", source.length));
    assertThat(location.status()).as(location.toString()).isEqualTo(201);
    JsonNode put = location.json();
    String uploadId = put.get("uploadId").asText();
    assertThat(put.get("method").asText()).isEqualTo("PUT");
    assertThat(put.get("url").asText())
        .startsWith("http://localhost:" + port + "/v1/uploads/" + uploadId + "/content?");
    assertThat(put.get("sourceKey").asText()).isEqualTo("uploads/" + uploadId + "/source.wav");
    assertThat(put.get("expiresAt").asText()).isNotBlank();
    GatewayHttp.Reply received = http.put(put.get("url").asText(), source);
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    assertThat(received.json().get("sha256").asText()).isEqualTo(sha256(source));

    // Start: 202, a Location and links.
    GatewayHttp.Reply started =
        http.post(
            "/v1/tracks",
            UPLOADER,
            Map.of(
                "uploadId",
                uploadId,
                "formats",
                List.of("flac", "MP3_320", "wav-24"),
                "tier",
                "standard",
                "watermark",
                true));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String trackId = started.json().get("trackId").asText();
    assertThat(started.header("Location"))
        .isEqualTo("http://localhost:" + port + "/v1/tracks/" + trackId);
    assertThat(started.json().at("/links/self").asText()).isEqualTo("/v1/tracks/" + trackId);
    assertThat(started.json().at("/links/files").asText())
        .isEqualTo("/v1/tracks/" + trackId + "/files");

    // Status: the real workflow runs every stage and publishes version 1.
    JsonNode published = awaitPublished(trackId, 1);
    assertThat(published.get("status").asText()).isEqualTo("running");
    assertThat(published.get("fileName").asText()).isEqualTo("My Song.wav");
    assertThat(published.get("outputs"))
        .hasSize(3)
        .allSatisfy(o -> assertThat(o.get("state").asText()).isEqualTo("verified"));
    assertThat(published.at("/requested/minimumTier").asText()).isEqualTo("STANDARD");
    assertThat(published.at("/requested/watermark").asBoolean()).isTrue();
    assertThat(http.get("/v1/tracks/" + trackId, UPLOADER).status())
        .as("the owner reads it")
        .isEqualTo(200);
    assertProblem(http.get("/v1/tracks/" + trackId, OTHER_UPLOADER), 404, "track-not-found");

    // Files: every output downloads by its signed URL, without a key, and is this upload's.
    JsonNode files = http.get("/v1/tracks/" + trackId + "/files", UPLOADER).json();
    assertThat(files.get("version").asInt()).isEqualTo(1);
    assertThat(files.get("previewWatermarked").asBoolean()).isFalse();
    assertThat(files.get("files"))
        .extracting(f -> f.get("format").asText())
        .containsExactly("MP3_320", "FLAC", "WAV_24");
    for (JsonNode file : files.get("files")) {
      GatewayHttp.Reply download = http.get(file.get("url").asText(), null);
      assertThat(download.status()).as(download.toString()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(file.get("sha256").asText());
      assertThat(download.text())
          .isEqualTo(
              file.get("format").asText() + " of " + new String(source, StandardCharsets.UTF_8));
      assertThat(download.header("Content-Disposition")).contains(file.get("fileName").asText());
    }
    // Quality: the checks' verdict and signed links to the report's files.
    GatewayHttp.Reply qualityReply = http.get("/v1/tracks/" + trackId + "/quality", UPLOADER);
    assertThat(qualityReply.status())
        .as(new String(qualityReply.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(200);
    JsonNode quality = qualityReply.json();
    assertThat(quality.get("score").asInt()).isEqualTo(90);
    assertThat(quality.get("effectiveTier").asText()).isEqualTo("STANDARD");
    assertThat(quality.get("findings"))
        .singleElement()
        .satisfies(f -> assertThat(f.get("code").asText()).isEqualTo("dc-offset"));
    GatewayHttp.Reply page = http.get(quality.get("pageUrl").asText(), null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("fake quality.html");
    assertProblem(
        http.get("/v1/tracks/" + trackId + "/quality", OTHER_UPLOADER), 404, "track-not-found");
    GatewayHttp.Reply manifest = http.get(files.get("manifestUrl").asText(), null);
    assertThat(manifest.json().get("trackId").asText()).isEqualTo(trackId);
    String v1Flac = urlOf(files, "FLAC");

    // Re-process: an update the workflow accepts, published as version 2; the replaced file goes.
    GatewayHttp.Reply reprocess =
        http.post(
            "/v1/tracks/" + trackId + "/reprocess",
            OPERATOR,
            Map.of("formats", List.of("FLAC"), "reason", "encoder upgrade"));
    assertThat(reprocess.status()).as(reprocess.toString()).isEqualTo(202);
    assertThat(reprocess.json().get("version").asInt()).isEqualTo(2);
    awaitPublished(trackId, 2);
    JsonNode v2 = http.get("/v1/tracks/" + trackId + "/files", OPERATOR).json();
    assertThat(urlOf(v2, "FLAC")).contains("/v2/outputs/flac.flac");
    assertThat(urlOf(v2, "MP3_320")).contains("/v1/outputs/mp3-320k.mp3");
    assertProblem(http.get(v1Flac, null), 404, "file-not-found");

    // A re-process the track cannot meet is refused by the workflow's validator: 422.
    JsonNode refused =
        assertProblem(
            http.post(
                "/v1/tracks/" + trackId + "/reprocess",
                OPERATOR,
                Map.of("formats", List.of("FLAC_96K"))),
            422,
            "update-rejected");
    assertThat(refused.get("detail").asText()).contains("FLAC_96K cannot be made");
    assertProblem(
        http.post("/v1/tracks/" + trackId + "/reprocess", OPERATOR, Map.of("formats", List.of())),
        422,
        "update-rejected");

    // Delete: the workflow is cancelled and unpublishes the track.
    assertThat(http.delete("/v1/tracks/" + trackId, OPERATOR).status()).isEqualTo(202);
    JsonNode deleted = awaitStatus(trackId, s -> "canceled".equals(s.get("status").asText()));
    assertThat(deleted.get("stage").asText()).isEqualTo("CANCELLED");
    assertThat(deleted.get("closedAt").asText()).isNotBlank();
    assertThat(store.list("tracks/" + trackId + "/")).isEmpty();
    assertProblem(http.get("/v1/tracks/" + trackId + "/files", OPERATOR), 409, "track-closed");
    assertThat(http.delete("/v1/tracks/" + trackId, OPERATOR).status())
        .as("DELETE is idempotent")
        .isEqualTo(202);
  }

  private static String urlOf(JsonNode files, String format) {
    return StreamSupport.stream(files.get("files").spliterator(), false)
        .filter(f -> f.get("format").asText().equals(format))
        .findFirst()
        .orElseThrow()
        .get("url")
        .asText();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
