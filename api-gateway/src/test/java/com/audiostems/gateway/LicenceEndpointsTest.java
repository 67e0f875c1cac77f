package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.gateway.support.StoreBackedDeliveryActivities;
import com.audiostems.ledger.AuditEntry;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The licence API against a real (in-memory) Temporal: grants start the licence workflow, files
 * start marked-copy workflows (test implementations of both contracts), and every refusal is read
 * back from the ledger's audit log.
 */
class LicenceEndpointsTest extends GatewayTestBase {
  static final String ACME = "licensee-key-acme";
  static final String BETA = "licensee-key-beta";

  @Autowired Ledger ledger;

  @Test
  void anOperatorGrantsAndOnlyItsLicenseeReadsIt() {
    String trackId = publishedTrack();
    JsonNode granted = grant(trackId, Map.of());
    String licenceId = granted.get("licenceId").asText();
    assertThat(granted.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(granted.get("token").asText()).isNotBlank();
    assertThat(granted.at("/terms/formats").toString()).isEqualTo("[\"MP3_320\"]");

    assertThat(http.get("/v1/licences/" + licenceId, ACME).json().get("status").asText())
        .isEqualTo("ACTIVE");
    assertProblem(http.get("/v1/licences/" + licenceId, BETA), 404, "licence-not-found");
    assertProblem(http.get("/v1/licences/" + licenceId, UPLOADER), 403, "forbidden");
    assertProblem(http.post("/v1/licences", ACME, grantBody(trackId, Map.of())), 403, "forbidden");
    assertProblem(
        http.post("/v1/licences/" + licenceId + "/revoke", ACME, Map.of("reason", "no")),
        403,
        "forbidden");
    assertProblem(
        http.post("/v1/licences", UPLOADER, grantBody(trackId, Map.of())), 403, "forbidden");

    // The list is the ledger's projection, written by the licence workflow's activity.
    JsonNode own =
        await(() -> http.get("/v1/licences", ACME).json(), l -> ids(l).contains(licenceId));
    assertThat(ids(own)).contains(licenceId);
    assertThat(ids(http.get("/v1/licences", BETA).json())).doesNotContain(licenceId);
    assertThat(ids(http.get("/v1/licences?trackId=" + trackId, OPERATOR).json()))
        .containsExactly(licenceId);
    assertProblem(http.get("/v1/licences", OPERATOR), 400, "licence-filter-required");
  }

  @Test
  void aGrantNeedsAPublishedTrackWithTheFormatsAndSoundTerms() {
    String trackId = publishedTrack();
    assertProblem(
        http.post("/v1/licences", OPERATOR, grantBody(trackId, Map.of("formats", List.of("ALAC")))),
        422,
        "format-not-available");
    assertProblem(
        http.post(
            "/v1/licences", OPERATOR, grantBody("0123456789abcdef0123456789abcdef", Map.of())),
        404,
        "track-not-found");
    Map<String, Object> both = new HashMap<>(grantBody(trackId, Map.of()));
    both.put("endsAt", Instant.now().plus(Duration.ofDays(1)).toString());
    assertProblem(http.post("/v1/licences", OPERATOR, both), 400, "invalid-licence-terms");
  }

  @Test
  void filesAreMadeThenLinkedUntilNoLaterThanTheLicenceEnds() {
    String trackId = publishedTrack();
    // A licence shorter than the 15-minute link validity: the links must end with it.
    Instant endsAt = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    JsonNode granted =
        grant(
            trackId,
            Map.of("duration", "", "endsAt", endsAt.toString(), "territories", List.of("FR")));
    String licenceId = granted.get("licenceId").asText();
    String path = "/v1/licences/" + licenceId + "/files?format=mp3-320&territory=fr";

    GatewayHttp.Reply first = http.get(path, ACME);
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(first.header("Location")).endsWith(path);
    assertThat(first.header("Retry-After")).isEqualTo("1");
    assertThat(first.json().get("state").asText()).isEqualTo("making");
    assertThat(ledger.deliveriesOfLicence(licenceId)).as("nothing delivered yet").isEmpty();

    GatewayHttp.Reply ready = awaitFiles(path, ACME);
    JsonNode files = ready.json();
    assertThat(Instant.parse(files.get("expiresAt").asText())).isEqualTo(endsAt);
    assertThat(files.get("files")).hasSize(1);
    JsonNode file = files.get("files").get(0);
    String url = file.get("url").asText();
    assertThat(url)
        .contains("/v1/files/licences/" + licenceId + "/copies/")
        .contains("expires=" + endsAt.getEpochSecond());
    GatewayHttp.Reply download = http.get(url, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body())
        .isEqualTo(StoreBackedDeliveryActivities.content(licenceId, "MP3_320"));

    List<DeliveryRecord> deliveries = ledger.deliveriesOfLicence(licenceId);
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.getFirst().territoryClaimed()).isEqualTo("FR");
    assertThat(deliveries.getFirst().licensee()).isEqualTo("Acme Films");
    assertThat(deliveries.getFirst().clientAddress()).isNotBlank();
    assertThat(deliveries.getFirst().sha256()).isEqualTo(file.get("sha256").asText());
    assertThat(actions(licenceId)).contains("deliver");

    // The token works without a key, in the header or the query; the copy is not made again.
    String token = granted.get("token").asText();
    GatewayHttp.Reply byHeader = http.get(path, null, "Authorization", "Licence " + token);
    assertThat(byHeader.status()).as(byHeader.toString()).isEqualTo(200);
    GatewayHttp.Reply byQuery = http.get(path + "&token=" + token, null);
    assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(200);
    assertThat(ledger.deliveriesOfLicence(licenceId)).hasSize(3);
  }

  @Test
  void everyRefusalHasItsStatusAndIsAudited() {
    String trackId = publishedTrack();
    JsonNode granted = grant(trackId, Map.of("territories", List.of("FR", "BE")));
    String licenceId = granted.get("licenceId").asText();
    String files = "/v1/licences/" + licenceId + "/files";

    refused(
        () -> http.get(files + "?format=FLAC&territory=FR", ACME),
        422,
        "format-not-available",
        licenceId);
    refused(
        () -> http.get(files + "?format=MP3_320&territory=DE", ACME),
        403,
        "territory-not-covered",
        licenceId);
    refused(
        () -> http.get(files + "?format=MP3_320", ACME), 403, "territory-not-covered", licenceId);
    refused(() -> http.get(files + "?territory=FR", BETA), 404, "licence-not-found", licenceId);
    refused(() -> http.get(files + "?territory=FR", UPLOADER), 403, "licensee-only", licenceId);
    refused(() -> http.get(files + "?territory=FR", OPERATOR), 403, "licensee-only", licenceId);

    String token = granted.get("token").asText();
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertTokenRejected(
        () -> http.get(files + "?territory=FR", null, "Authorization", "Licence " + tampered),
        licenceId);
    assertTokenRejected(() -> http.get(files + "?territory=FR&token=not-a-token", null), licenceId);
    assertTokenRejected(
        () ->
            http.get(
                files + "?territory=FR",
                null,
                "Authorization",
                "Licence other-key" + token.substring(token.indexOf('.'))),
        licenceId);
    // A sound token of another licence does not open this one.
    JsonNode other = grant(trackId, Map.of());
    assertTokenRejected(
        () ->
            http.get(
                files + "?territory=FR",
                null,
                "Authorization",
                "Licence " + other.get("token").asText()),
        licenceId);

    String unknown = "00000000000000000000000000000a";
    int before = ledger.auditLog().size();
    assertProblem(
        http.get("/v1/licences/" + unknown + "/files?territory=FR", ACME),
        404,
        "licence-not-found");
    // Audited with the actor; no licence is named, since none exists. (Rows of other licences'
    // workflows may land meanwhile.)
    assertThat(ledger.auditLog().subList(before, ledger.auditLog().size()))
        .filteredOn(e -> e.event().licenceId() == null)
        .extracting(e -> e.event().action() + " by " + e.event().actor())
        .containsExactly("refuse by acme-key");

    JsonNode later =
        grant(trackId, Map.of("startsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
    String laterId = later.get("licenceId").asText();
    refused(
        () -> http.get("/v1/licences/" + laterId + "/files?territory=FR", ACME),
        403,
        "licence-not-started",
        laterId);

    // Revoked: 410 naming why, and nothing delivered for any refusal.
    GatewayHttp.Reply revoke =
        http.post(
            "/v1/licences/" + licenceId + "/revoke",
            OPERATOR,
            Map.of("reason", "payment reversed"));
    assertThat(revoke.status()).as(revoke.toString()).isEqualTo(202);
    await(
        () -> http.get("/v1/licences/" + licenceId, ACME).json(),
        s -> s.get("status").asText().equals("REVOKED"));
    JsonNode gone =
        refused(() -> http.get(files + "?territory=FR", ACME), 410, "licence-ended", licenceId);
    assertThat(gone.get("detail").asText()).contains("revoked").contains("payment reversed");
    assertThat(ledger.deliveriesOfLicence(licenceId)).isEmpty();
    assertProblem(
        http.post(
            "/v1/licences/" + licenceId + "/extend",
            OPERATOR,
            Map.of("endsAt", Instant.now().plus(Duration.ofDays(90)).toString())),
        410,
        "licence-ended");
  }

  @Test
  void anExpiredLicenceIsGoneAndAnExtensionMustMoveTheEndLater() {
    String trackId = publishedTrack();
    JsonNode granted = grant(trackId, Map.of());
    String licenceId = granted.get("licenceId").asText();
    Instant endsAt = Instant.parse(granted.get("endsAt").asText());

    JsonNode earlier =
        assertProblem(
            http.post(
                "/v1/licences/" + licenceId + "/extend",
                OPERATOR,
                Map.of("endsAt", endsAt.minusSeconds(60).toString())),
            422,
            "extension-rejected");
    assertThat(earlier.get("detail").asText()).contains("is not after the current end");
    Instant newEnd = endsAt.plus(Duration.ofDays(30));
    GatewayHttp.Reply extended =
        http.post(
            "/v1/licences/" + licenceId + "/extend", OPERATOR, Map.of("endsAt", newEnd.toString()));
    assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
    assertThat(Instant.parse(extended.json().get("endsAt").asText())).isEqualTo(newEnd);
    assertThat(extended.json().get("extensions").asInt()).isEqualTo(1);
    assertThat(extended.json().get("token").asText()).isNotEqualTo(granted.get("token").asText());

    assertThat(http.post("/v1/licences/" + licenceId + "/expire", OPERATOR, Map.of()).status())
        .isEqualTo(202);
    await(
        () -> http.get("/v1/licences/" + licenceId, OPERATOR).json(),
        s -> s.get("status").asText().equals("EXPIRED"));
    JsonNode gone =
        refused(
            () -> http.get("/v1/licences/" + licenceId + "/files?territory=FR", ACME),
            410,
            "licence-ended",
            licenceId);
    assertThat(gone.get("detail").asText()).contains("expired");
  }

  /** The request is refused with this problem, and exactly one audit row of the licence says so. */
  private JsonNode refused(
      Supplier<GatewayHttp.Reply> request, int status, String type, String licenceId) {
    return audited(request, status, type, licenceId, "refuse");
  }

  private void assertTokenRejected(Supplier<GatewayHttp.Reply> request, String licenceId) {
    audited(request, 401, "token-rejected", licenceId, "token-rejected");
  }

  private JsonNode audited(
      Supplier<GatewayHttp.Reply> request,
      int status,
      String type,
      String licenceId,
      String action) {
    // Counted by action: the licence workflow's own rows (granted, revoked) arrive on their own.
    long before = rowsOf(licenceId, action);
    int deliveries = ledger.deliveriesOfLicence(licenceId).size();
    JsonNode problem = assertProblem(request.get(), status, type);
    assertThat(rowsOf(licenceId, action)).as("one audit row per refusal").isEqualTo(before + 1);
    AuditEvent last =
        auditOf(licenceId).stream().filter(e -> e.action().equals(action)).toList().getLast();
    assertThat(last.detail()).isNotBlank();
    assertThat(ledger.deliveriesOfLicence(licenceId)).as("nothing delivered").hasSize(deliveries);
    return problem;
  }

  private long rowsOf(String licenceId, String action) {
    return auditOf(licenceId).stream().filter(e -> e.action().equals(action)).count();
  }

  private List<String> actions(String licenceId) {
    return auditOf(licenceId).stream().map(AuditEvent::action).toList();
  }

  private String publishedTrack() {
    String uploadId =
        upload(UPLOADER, "licensed.wav", "RIFF....WAVE licensed".getBytes(StandardCharsets.UTF_8));
    String trackId =
        startTrack(UPLOADER, Map.of("uploadId", uploadId, "formats", List.of("MP3_320", "FLAC")));
    // Polled here rather than with awaitPublished: on a loaded machine a query may miss the test's
    // 1 s worker timeout (503), which is not what these tests are about.
    await(
        () -> {
          GatewayHttp.Reply status = http.get("/v1/tracks/" + trackId, OPERATOR);
          return status.status() == 503 ? json.createObjectNode() : status.json();
        },
        s -> "PUBLISHED".equals(s.path("stage").asText()));
    return trackId;
  }

  private JsonNode grant(String trackId, Map<String, Object> overrides) {
    GatewayHttp.Reply reply = http.post("/v1/licences", OPERATOR, grantBody(trackId, overrides));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.header("Location"))
        .endsWith("/v1/licences/" + reply.json().get("licenceId").asText());
    return reply.json();
  }

  private static Map<String, Object> grantBody(String trackId, Map<String, Object> overrides) {
    Map<String, Object> body = new HashMap<>();
    body.put("trackId", trackId);
    body.put("licensee", "Acme Films");
    body.put("formats", List.of("MP3_320"));
    body.put("duration", "P30D");
    body.put("feeMinorUnits", 150000);
    body.put("currency", "EUR");
    body.put("usageType", "sync");
    body.putAll(overrides);
    body.values().removeIf(v -> "".equals(v));
    return body;
  }

  private GatewayHttp.Reply awaitFiles(String path, String key) {
    GatewayHttp.Reply reply = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      reply = http.get(path, key);
      if (reply.status() != 202) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
      }
      pause();
    }
    throw new AssertionError("Files not ready: " + reply);
  }

  private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      pause();
    }
    throw new AssertionError("Condition not reached; last: " + last);
  }

  private static List<String> ids(JsonNode list) {
    return java.util.stream.StreamSupport.stream(list.get("licences").spliterator(), false)
        .map(l -> l.get("licenceId").asText())
        .toList();
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The audit log's events about one licence, in order. */
  private List<AuditEvent> auditOf(String licenceId) {
    return ledger.auditLog().stream()
        .map(AuditEntry::event)
        .filter(e -> licenceId.equals(e.licenceId()))
        .toList();
  }
}
