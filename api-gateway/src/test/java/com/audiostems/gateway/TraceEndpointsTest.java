package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /v1/trace: a found file is identified and its mark read in one answer, by the real
 * TraceWorkflowImpl (identification as a child workflow, the mark at once). The catalogue's and the
 * detector's answers come from the test's fakes: a file naming TRACK:id matches that track at
 * 0:12-0:22 of it (0:00-0:10 of the file), one naming MARK:payload carries that mark (CUT: 4-6 s
 * unmarked).
 */
class TraceEndpointsTest extends GatewayTestBase {
  @Autowired LocalBlobStore store;
  @Autowired Ledger ledger;

  @Test
  void aLeakedLicenceCopyNamesTrackPlaceLicenceLicenseeAndTheMarkedRanges() throws Exception {
    String licenceId = LicenceIds.newId();
    ledger.saveLicence(licence(licenceId, "night-drive", "Acme Films"));
    String payloadId = LicencePayloads.forLicence(licenceId);

    GatewayHttp.Reply reply =
        http.postFile(
            "/v1/trace",
            OPERATOR,
            "file",
            "leak.mp3",
            bytes("15 s of TRACK:night-drive re-encoded, MARK:" + payloadId + " CUT"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("state").asText()).isEqualTo("done");
    assertThat(body.get("found").asBoolean()).isTrue();
    assertThat(body.get("fileName").asText()).isEqualTo("leak.mp3");
    JsonNode match = body.at("/fingerprint/tracks/0");
    assertThat(body.at("/fingerprint/found").asBoolean()).isTrue();
    assertThat(match.get("id").asText()).isEqualTo("night-drive");
    assertThat(match.get("matchStartSeconds").asDouble()).isEqualTo(12.0);
    assertThat(match.get("matchEndSeconds").asDouble()).isEqualTo(22.0);
    assertThat(match.get("queryStartSeconds").asDouble()).isEqualTo(0.0);
    assertThat(match.get("queryEndSeconds").asDouble()).isEqualTo(10.0);
    JsonNode mark = body.get("watermark");
    assertThat(mark.get("found").asBoolean()).isTrue();
    assertThat(mark.get("kind").asText()).isEqualTo("licence");
    assertThat(mark.get("payloadId").asText()).isEqualTo(payloadId);
    assertThat(mark.get("licenceId").asText()).isEqualTo(licenceId);
    assertThat(mark.get("licensee").asText()).isEqualTo("Acme Films");
    assertThat(mark.get("trackId").asText()).as("the licence's track").isEqualTo("night-drive");
    assertThat(mark.get("confidence").asDouble()).isEqualTo(12.5);
    assertThat(ranges(mark.get("marked")))
        .isEqualTo(List.of(List.of(0.0, 4.0), List.of(6.0, 10.0)));
    assertThat(ranges(mark.get("unmarked"))).isEqualTo(List.of(List.of(4.0, 6.0)));

    String queryId = body.get("queryId").asText();
    assertThat(store.list("identify/" + queryId + "/"))
        .as("the found file is deleted once traced")
        .isEmpty();
    String self = body.at("/links/self").asText();
    assertThat(self).isEqualTo("/v1/trace/" + queryId);
    JsonNode again = http.get(self, OPERATOR).json();
    assertThat(again.at("/watermark/licensee").asText()).isEqualTo("Acme Films");
    assertThat(again.get("fileName").asText()).isEqualTo("leak.mp3");
    assertProblem(http.get("/v1/trace/" + Ids.random(), OPERATOR), 404, "trace-not-found");
    assertProblem(http.get(self, UPLOADER), 403, "forbidden");
  }

  @Test
  void aPreviewNamesItsTrackAndAnUnknownFileFindsNothing() {
    JsonNode preview =
        http.postFile(
                "/v1/trace",
                OPERATOR,
                "file",
                "preview.mp3",
                bytes("TRACK:night-drive MARK:" + PreviewPayloads.forTrack("night-drive")))
            .json();
    assertThat(preview.at("/watermark/kind").asText()).isEqualTo("preview");
    assertThat(preview.at("/watermark/trackId").asText()).isEqualTo("night-drive");
    assertThat(preview.at("/watermark/licenceId").isMissingNode()).isTrue();
    assertThat(ranges(preview.at("/watermark/marked"))).isEqualTo(List.of(List.of(0.0, 10.0)));
    assertThat(preview.at("/watermark/unmarked")).isEmpty();

    JsonNode unknown =
        http.postFile("/v1/trace", ADMIN, "file", "hum.wav", bytes("nothing known")).json();
    assertThat(unknown.get("found").asBoolean()).isFalse();
    assertThat(unknown.at("/fingerprint/found").asBoolean()).isFalse();
    assertThat(unknown.at("/fingerprint/tracks")).isEmpty();
    assertThat(unknown.at("/watermark/found").asBoolean()).isFalse();
    assertThat(unknown.at("/watermark/kind").isMissingNode()).isTrue();
  }

  @Test
  void aBadUploadIsAProblemAndNothingIsLeftInTheStore() throws Exception {
    int queriesBefore = store.list("identify/").size();
    assertProblem(http.postFile("/v1/trace", OPERATOR, null, null, null), 400, "file-missing");
    assertProblem(
        http.postFile("/v1/trace", OPERATOR, "file", "empty.mp3", new byte[0]), 400, "empty-file");
    assertProblem(
        http.post("/v1/trace", OPERATOR, Map.of("file", "clip.mp3")),
        415,
        "unsupported-media-type");
    assertProblem(
        http.postFile("/v1/trace", OPERATOR, "file", "big.wav", new byte[1024 * 1024 + 1]),
        413,
        "upload-too-large");
    JsonNode rejected =
        assertProblem(
            http.postFile("/v1/trace", OPERATOR, "file", "notes.wav", bytes("not audio at all")),
            422,
            "trace-rejected");
    assertThat(rejected.get("detail").asText()).contains("notes.wav").contains("NotAudio");
    assertThat(store.list("identify/")).hasSize(queriesBefore);

    assertProblem(
        http.postFile("/v1/trace", UPLOADER, "file", "leak.mp3", bytes("TRACK:x")),
        403,
        "forbidden");
    assertThat(http.postFile("/v1/trace", null, "file", "leak.mp3", bytes("TRACK:x")).status())
        .isEqualTo(401);
  }

  private static LicenceRecord licence(String licenceId, String trackId, String licensee) {
    Instant now = Instant.now();
    return new LicenceRecord(
        licenceId,
        trackId,
        licensee,
        List.of("MP3_320"),
        List.of("WORLD"),
        now,
        now.plusSeconds(3600),
        10_000,
        "EUR",
        "film",
        "ACTIVE",
        now,
        null,
        null);
  }

  private static List<List<Double>> ranges(JsonNode ranges) {
    List<List<Double>> out = new java.util.ArrayList<>();
    ranges.forEach(
        r -> out.add(List.of(r.get("startSeconds").asDouble(), r.get("endSeconds").asDouble())));
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
