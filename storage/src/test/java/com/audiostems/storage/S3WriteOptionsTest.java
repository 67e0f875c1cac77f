package com.audiostems.storage;

import static com.audiostems.storage.SentRequests.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.storage.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Storage class and server-side encryption on writes, against the real test server.
 *
 * <p>versitygw accepts the storage-class and SSE headers (an unknown value would be refused) but
 * implements neither: its HeadObject reports STANDARD and no encryption whatever was asked. So the
 * test reads the headers from the requests as they were sent, and asks HeadObject only for what the
 * server does keep: the size and the SHA-256 it verified.
 */
class S3WriteOptionsTest {
  @RegisterExtension static final S3TestServer server = new S3TestServer();

  private static final String PREFIX = "write-options/";

  @TempDir Path temp;

  @Test
  void mastersAreTieredAndEncryptedWithTheKmsKeyAndSmallObjectsAreStandard() throws Exception {
    S3Settings settings =
        server
            .settings()
            .keyPrefix(PREFIX)
            .encryption(S3Encryption.kms("alias/audiostems-masters"))
            .multipartThresholdBytes(5L << 20)
            .partSizeBytes(5L << 20)
            .build();
    SentRequests sent = new SentRequests();
    try (S3BlobStore store =
        new S3BlobStore(
            settings,
            S3Clients.asyncClientBuilder(settings, server.credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(sent))
                .build(),
            S3Clients.presigner(settings, server.credentials()))) {
      store.store(
          "uploads/t1/source.wav", Files.write(temp.resolve("source.wav"), new byte[256 * 1024]));
      store.store(
          "tracks/t1/outputs/master.flac",
          Files.write(temp.resolve("master.flac"), new byte[6 << 20]));
      store.storeBytes("tracks/t1/outputs/tiny.mp3", new byte[1024]);
      store.storeBytes("tracks/t1/manifest.json", "{}".getBytes());
    }

    assertWrittenWith(
        sent.only("PUT", PREFIX + "uploads/t1/source.wav", null), StorageClass.INTELLIGENT_TIERING);
    // In parts, the options go with CreateMultipartUpload (POST ?uploads); S3 applies them to the
    // whole object.
    assertWrittenWith(
        sent.only("POST", PREFIX + "tracks/t1/outputs/master.flac", "uploads"),
        StorageClass.INTELLIGENT_TIERING);
    assertWrittenWith(
        sent.only("PUT", PREFIX + "tracks/t1/outputs/tiny.mp3", null), StorageClass.STANDARD);
    assertWrittenWith(
        sent.only("PUT", PREFIX + "tracks/t1/manifest.json", null), StorageClass.STANDARD);
    var head =
        server
            .client()
            .headObject(
                h -> h.bucket(S3TestServer.BUCKET).key(PREFIX + "tracks/t1/outputs/master.flac"))
            .join();
    assertThat(head.contentLength()).isEqualTo(6L << 20);
  }

  @Test
  void sseS3SendsOnlyTheAlgorithmAndNoneSendsNothing() throws Exception {
    for (S3Encryption encryption :
        new S3Encryption[] {S3Encryption.aes256(), S3Encryption.none()}) {
      S3Settings settings =
          server
              .settings()
              .keyPrefix(PREFIX + encryption.mode() + "/")
              .encryption(encryption)
              .build();
      SentRequests sent = new SentRequests();
      try (S3BlobStore store =
          new S3BlobStore(
              settings,
              S3Clients.asyncClientBuilder(settings, server.credentials())
                  .overrideConfiguration(o -> o.addExecutionInterceptor(sent))
                  .build(),
              S3Clients.presigner(settings, server.credentials()))) {
        store.storeBytes("tracks/t1/manifest.json", "{}".getBytes());
      }
      SdkHttpRequest put = sent.only("PUT", settings.keyPrefix() + "tracks/t1/manifest.json", null);
      assertThat(header(put, "x-amz-server-side-encryption"))
          .as(encryption.toString())
          .isEqualTo(encryption.mode() == S3Encryption.Mode.AES256 ? "AES256" : null);
      assertThat(header(put, "x-amz-server-side-encryption-aws-kms-key-id")).isNull();
    }
  }

  private static void assertWrittenWith(SdkHttpRequest request, StorageClass storageClass) {
    assertThat(header(request, "x-amz-storage-class"))
        .as(request.encodedPath())
        .isEqualTo(storageClass.toString());
    assertThat(header(request, "x-amz-server-side-encryption")).isEqualTo("aws:kms");
    assertThat(header(request, "x-amz-server-side-encryption-aws-kms-key-id"))
        .isEqualTo("alias/audiostems-masters");
  }
}
