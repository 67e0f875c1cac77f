package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What operators and tools read: the OpenAPI document, health and Prometheus metrics. */
class OperationsEndpointsTest extends GatewayTestBase {

  @Test
  void theOpenApiDocumentDescribesTheApiAndItsKey() {
    GatewayHttp.Reply docs = http.get("/v3/api-docs", null);

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode api = docs.json();
    assertThat(api.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/v1/uploads",
            "/v1/tracks",
            "/v1/tracks/{trackId}",
            "/v1/tracks/{trackId}/files",
            "/v1/tracks/{trackId}/reprocess",
            "/v1/tracks/{trackId}/review",
            "/v1/identify",
            "/v1/identify/{queryId}");
    assertThat(
            api.at("/components/schemas/StartTrackRequest/properties/watermark/description")
                .asText())
        .contains("Every preview is watermarked");
    assertThat(api.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
    assertThat(api.at("/paths/~1v1~1tracks/post/responses").has("202"))
        .as("start answers 202")
        .isTrue();
    assertThat(
            api.at("/paths/~1v1~1tracks~1{trackId}/delete/responses/default/content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
  }

  @Test
  void healthIsOpenAndUpWhileMetricsAreForAdmins() {
    GatewayHttp.Reply health = http.get("/actuator/health", null);
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    JsonNode detailed = http.get("/actuator/health", ADMIN).json();
    assertThat(detailed.at("/components/temporal/status").asText()).isEqualTo("UP");

    http.get("/v1/tracks/none", OPERATOR);
    GatewayHttp.Reply metrics = http.get("/actuator/prometheus", ADMIN);
    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
    assertThat(metrics.text()).contains("http_server_requests_seconds_count");
    assertProblem(http.get("/actuator/prometheus", OPERATOR), 403, "forbidden");
    assertProblem(http.get("/actuator/prometheus", null), 401, "unauthenticated");
  }
}
