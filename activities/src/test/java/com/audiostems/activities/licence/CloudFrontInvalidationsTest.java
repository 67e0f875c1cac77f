package com.audiostems.activities.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontAsyncClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;

/**
 * The request CloudFront is sent, checked against a client that records it. No
 * CloudFront-compatible server runs here, so this does not prove CloudFront accepts it: only what
 * we ask.
 */
class CloudFrontInvalidationsTest {

  /** Answers every CreateInvalidation with {@code answer}, keeping the requests. */
  private static final class RecordingCloudFront implements CloudFrontAsyncClient {
    final List<CreateInvalidationRequest> requests = new ArrayList<>();
    final CompletableFuture<CreateInvalidationResponse> answer;

    RecordingCloudFront(CompletableFuture<CreateInvalidationResponse> answer) {
      this.answer = answer;
    }

    @Override
    public CompletableFuture<CreateInvalidationResponse> createInvalidation(
        CreateInvalidationRequest request) {
      requests.add(request);
      return answer;
    }

    @Override
    public String serviceName() {
      return "cloudfront";
    }

    @Override
    public void close() {}
  }

  @Test
  void theLicenceIsTheCallerReferenceSoARetryIsIdempotentOnCloudFront() throws Exception {
    RecordingCloudFront cloudFront =
        new RecordingCloudFront(
            CompletableFuture.completedFuture(
                CreateInvalidationResponse.builder()
                    .invalidation(Invalidation.builder().id("I2J0I21PCUYOIK").build())
                    .build()));

    String id =
        new CloudFrontInvalidations(cloudFront, "E2QWRUHAPOMQZL")
            .invalidate("lic-1", List.of("/licences/lic-1/copies/*"), "term ended");

    assertThat(id).isEqualTo("I2J0I21PCUYOIK");
    CreateInvalidationRequest request = cloudFront.requests.get(0);
    assertThat(request.distributionId()).isEqualTo("E2QWRUHAPOMQZL");
    assertThat(request.invalidationBatch().callerReference()).isEqualTo("lic-1");
    assertThat(request.invalidationBatch().paths().quantity()).isEqualTo(1);
    assertThat(request.invalidationBatch().paths().items())
        .containsExactly("/licences/lic-1/copies/*");
  }

  @Test
  void aRefusalBecomesAnIOExceptionNamingTheDistribution() {
    RecordingCloudFront cloudFront =
        new RecordingCloudFront(
            CompletableFuture.failedFuture(
                NoSuchDistributionException.builder()
                    .message("The specified distribution does not exist.")
                    .build()));

    assertThatThrownBy(
            () ->
                new CloudFrontInvalidations(cloudFront, "EBAD")
                    .invalidate("lic-1", List.of("/x/*"), "term ended"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("distribution EBAD")
        .hasMessageContaining("does not exist");
  }

  @Test
  void aDistributionMustBeConfigured() {
    assertThatThrownBy(() -> new CloudFrontInvalidations(null, " "))
        .hasMessageContaining("distribution-id is empty");
  }
}
