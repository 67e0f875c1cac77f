package com.audiostems.activities.licence;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.cloudfront.CloudFrontAsyncClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationRequest;

/**
 * CloudFront's CreateInvalidation on the configured distribution. The withdrawal's reference is the
 * request's {@code CallerReference}, which makes a retry idempotent on CloudFront's side: the same
 * reference and paths return the invalidation already made. Not tested against CloudFront here (no
 * compatible server runs locally); its request is checked against a recording client.
 */
public final class CloudFrontInvalidations implements CdnInvalidations {
  private final CloudFrontAsyncClient cloudFront;
  private final String distributionId;

  public CloudFrontInvalidations(CloudFrontAsyncClient cloudFront, String distributionId) {
    if (distributionId == null || distributionId.isBlank()) {
      throw new IllegalArgumentException(
          "audiostems.delivery.cloudfront.distribution-id is empty: name the distribution in front"
              + " of the delivery store");
    }
    this.cloudFront = cloudFront;
    this.distributionId = distributionId;
  }

  @Override
  public String invalidate(String reference, List<String> paths, String reason) throws IOException {
    CreateInvalidationRequest request =
        CreateInvalidationRequest.builder()
            .distributionId(distributionId)
            .invalidationBatch(
                batch ->
                    batch
                        .callerReference(reference)
                        .paths(p -> p.quantity(paths.size()).items(paths)))
            .build();
    try {
      return cloudFront.createInvalidation(request).join().invalidation().id();
    } catch (CompletionException e) {
      throw new IOException(
          "CloudFront did not take the invalidation of "
              + paths
              + " on distribution "
              + distributionId
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    }
  }
}
