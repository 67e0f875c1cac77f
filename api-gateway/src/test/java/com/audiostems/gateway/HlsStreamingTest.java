package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.FakeMediaActivities;
import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The preview's HLS ladder through signed links, as a player follows it: the files answer's master
 * link, a variant's link in the master, the initialisation segment's and a media segment's links in
 * the variant, each fetched with no API key and nothing added. The ladder is the real track
 * workflow's (its plan and manifest), written by the test's media activities.
 */
class HlsStreamingTest extends GatewayTestBase {
  private static final Pattern EXPIRES = Pattern.compile("[?&]expires=(\\d+)");
  private static final Pattern MAP_URI = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");

  @Test
  void aPlayerFollowsTheMasterLinkToVariantsInitAndSegmentsAndATamperedLinkIsRefused() {
    String source = "ladder source";
    String uploadId = upload(UPLOADER, "ladder.wav", source.getBytes(StandardCharsets.UTF_8));
    String trackId =
        startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("PREVIEW_MP3_128")));
    awaitPublished(trackId, 1);
    JsonNode files =
        whenWorkersAnswer(() -> http.get("/v1/tracks/" + trackId + "/files", UPLOADER)).json();
    JsonNode hls = files.get("hls");
    assertThat(hls).as(files.toString()).isNotNull();
    assertThat(hls.get("container").asText()).isEqualTo("fmp4");
    assertThat(hls.get("variants")).hasSize(3);
    assertThat(hls.at("/variants/0/bitRateKbps").asInt()).isEqualTo(64);
    String master = hls.get("masterPlaylistUrl").asText();
    String expires = expiresOf(master);
    assertThat(Long.parseLong(expires))
        .isEqualTo(Instant.parse(files.get("expiresAt").asText()).getEpochSecond());

    GatewayHttp.Reply masterReply = http.get(master, null);
    assertThat(masterReply.status()).as(masterReply.toString()).isEqualTo(200);
    assertThat(masterReply.header("Content-Type")).startsWith("application/vnd.apple.mpegurl");
    List<String> variantLinks = uriLines(masterReply.text());
    assertThat(variantLinks).hasSize(3);
    assertThat(masterReply.text())
        .contains("#EXT-X-STREAM-INF:BANDWIDTH=70400,AVERAGE-BANDWIDTH=67200,CODECS=\"mp4a.40.2\"");
    for (String link : variantLinks) {
      assertThat(link).startsWith("http://localhost:" + port + "/v1/hls/tracks/" + trackId);
      assertThat(expiresOf(link)).as("the same expiry as the master's link").isEqualTo(expires);
    }
    assertThat(variantLinks.get(1)).contains("/hls/aac-128k.m3u8?");

    GatewayHttp.Reply variant = http.get(variantLinks.get(1), null);
    assertThat(variant.status()).as(variant.toString()).isEqualTo(200);
    Matcher map = MAP_URI.matcher(variant.text());
    assertThat(map.find()).as(variant.text()).isTrue();
    String init = map.group(1);
    List<String> segments = uriLines(variant.text());
    assertThat(segments).hasSize(FakeMediaActivities.LADDER_SEGMENTS);
    assertThat(variant.text()).contains("#EXTINF:6.000000,").contains("#EXT-X-ENDLIST");
    for (String link : List.of(init, segments.get(0), segments.get(1))) {
      assertThat(link).contains("/v1/files/tracks/" + trackId + "/v1/hls/aac-128k");
      assertThat(expiresOf(link)).isEqualTo(expires);
    }
    assertBytes(init, "aac-128k-init.mp4", source);
    assertBytes(segments.get(1), "aac-128k-00001.m4s", source);

    // Tampered: another signature, a longer life, a segment's signature on a playlist, another key.
    assertProblem(http.get(master.replace("signature=", "signature=x"), null), 403, "link-invalid");
    assertProblem(
        http.get(master.replaceFirst("expires=(\\d+)", "expires=9$1"), null), 403, "link-invalid");
    assertProblem(
        http.get(variantLinks.get(1).replace("aac-128k.m3u8", "aac-192k.m3u8"), null),
        403,
        "link-invalid");
    assertProblem(
        http.get(
            segments.get(0).replace("/v1/files/", "/v1/hls/").replace(".m4s?", ".m3u8?"), null),
        403,
        "link-invalid");
    assertProblem(
        http.get(segments.get(0).replace("/v1/files/", "/v1/hls/"), null), 400, "not-a-playlist");
  }

  private void assertBytes(String link, String fileName, String source) {
    GatewayHttp.Reply reply = http.get(link, null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(FakeMediaActivities.ladderBytes(fileName, source));
  }

  private static List<String> uriLines(String playlist) {
    return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  private static String expiresOf(String link) {
    Matcher matcher = EXPIRES.matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }
}
