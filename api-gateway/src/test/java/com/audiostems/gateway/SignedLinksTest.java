package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.locations.local.LinkSigner;
import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The local store's links: the signature is the authority, and an upload is exactly what was
 * announced.
 */
class SignedLinksTest extends GatewayTestBase {
  @Autowired LinkSigner signer;

  @Test
  void anUploadLinkTakesExactlyTheAnnouncedBytesOnceAndOnlyWithItsSignature() {
    byte[] content = "twelve bytes".getBytes(StandardCharsets.UTF_8);
    JsonNode location =
        http.post(
                "/v1/uploads",
                UPLOADER,
                Map.of("fileName", "exact.aiff", "sizeBytes", content.length))
            .json();
    String url = location.get("url").asText();

    assertProblem(http.put(url, "short".getBytes(StandardCharsets.UTF_8)), 400, "size-mismatch");
    assertProblem(http.put(url.replace("signature=", "signature=x"), content), 403, "link-invalid");
    assertProblem(http.put(url.substring(0, url.indexOf('?')), content), 403, "link-invalid");
    assertThat(http.put(url, content).status()).isEqualTo(200);
    assertProblem(http.put(url, content), 409, "upload-complete");
  }

  @Test
  void anUploadIsTheRawBodyWhateverContentTypeTheClientSays() {
    byte[] content = "audio=bytes&more".getBytes(StandardCharsets.UTF_8);
    JsonNode location =
        http.post(
                "/v1/uploads",
                UPLOADER,
                Map.of("fileName", "form.wav", "sizeBytes", content.length))
            .json();

    // curl --data-binary labels every body application/x-www-form-urlencoded.
    GatewayHttp.Reply reply =
        http.put(location.get("url").asText(), content, "application/x-www-form-urlencoded");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("bytes").asLong()).isEqualTo(content.length);
  }

  @Test
  void aDownloadLinkIsBoundToItsFile() {
    String uploadId = upload(UPLOADER, "links.wav", "links".getBytes(StandardCharsets.UTF_8));
    String trackId =
        startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("FLAC", "ALAC")));
    awaitPublished(trackId, 1);
    JsonNode files = http.get("/v1/tracks/" + trackId + "/files", UPLOADER).json();
    assertThat(files.at("/files/0/format").asText()).isEqualTo("FLAC");
    String flac = files.at("/files/0/url").asText();

    assertThat(http.get(flac, null).status()).isEqualTo(200);
    // The same signature on another file of the same track does not open it.
    assertProblem(http.get(flac.replace("flac.flac", "alac.m4a"), null), 403, "link-invalid");
    GatewayHttp.Reply tampered = http.get(flac.replaceFirst("expires=(\\d+)", "expires=9$1"), null);
    assertProblem(tampered, 403, "link-invalid");
  }

  @Test
  void aKeyThatStorageRefusesIsABadRequestEvenWithAValidSignature() {
    // The gateway signs only keys it made; a hidden segment is one storage itself refuses to name.
    String key = "tracks/.hidden/x.flac";
    Instant expires = Instant.now().plusSeconds(60);
    String url =
        "/v1/files/"
            + key
            + "?expires="
            + expires.getEpochSecond()
            + "&signature="
            + signer.sign("GET", key, expires);

    JsonNode problem = assertProblem(http.get(url, null), 400, "bad-key");

    assertThat(problem.get("detail").asText()).contains("'" + key + "' is not allowed");
  }
}
