package com.audiostems.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK's S3 client and presigner from one {@link S3Settings}, so that both address the
 * same bucket alike.
 */
public final class S3Clients {
  private S3Clients() {}

  /**
   * An async client whose {@code putObject} splits bodies of at least the threshold into parts. It
   * is the SDK's pure-Java multipart client on Netty: the CRT-based one would need a native
   * library.
   */
  public static S3AsyncClient asyncClient(S3Settings settings, AwsCredentialsProvider credentials) {
    return asyncClientBuilder(settings, credentials).build();
  }

  /** The same client's builder, for callers that add to it (an execution interceptor, metrics). */
  public static S3AsyncClientBuilder asyncClientBuilder(
      S3Settings settings, AwsCredentialsProvider credentials) {
    S3AsyncClientBuilder builder =
        S3AsyncClient.builder()
            .region(settings.region())
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyleAccess())
            .multipartEnabled(true)
            .multipartConfiguration(
                multipart ->
                    multipart
                        .thresholdInBytes(settings.multipartThresholdBytes())
                        .minimumPartSizeInBytes(settings.partSizeBytes()));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder;
  }

  public static S3Presigner presigner(S3Settings settings, AwsCredentialsProvider credentials) {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(settings.region())
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder()
                    .pathStyleAccessEnabled(settings.pathStyleAccess())
                    .build());
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
