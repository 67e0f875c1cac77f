package com.audiostems.gateway.locations.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.config.StorageProperties;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.storage.S3BlobStore;
import com.audiostems.storage.StorageSettings;
import com.audiostems.storage.testing.S3TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The S3 kind's locations against a real S3-compatible server (versitygw), used as a client would:
 * plain HTTP.
 */
class S3LocationsTest {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Clock clock = Clock.systemUTC();
  private S3BlobStore store;

  @BeforeEach
  void store() {
    // The gateway's own path: its bound properties, then the shared factory.
    StorageProperties properties =
        new StorageProperties(
            StorageSettings.Kind.S3,
            null,
            new StorageSettings.S3(
                S3TestServer.BUCKET,
                "gateway/",
                S3TestServer.REGION.id(),
                s3.endpoint(),
                true,
                null,
                null,
                null,
                null,
                null));
    // The same mapping as BlobStores.s3, with the test server's credentials: the default chain has
    // none here.
    store =
        new S3BlobStore(
            properties.settings().s3().toS3Settings(Duration.ofHours(2)), s3.credentials());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anUploadLocationTakesAPlainPutAndADownloadLocationServesTheBytes() throws Exception {
    byte[] content = "RIFF... not really audio".getBytes(StandardCharsets.US_ASCII);
    String key = "uploads/up-1/source.wav";
    Instant expiresAt = clock.instant().plus(Duration.ofHours(2));

    PresignedRequest put =
        new S3UploadLocations(store, clock).presignUpload("up-1", key, content.length, expiresAt);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.headers()).isEmpty();
    HttpResponse<String> sent =
        http.send(
            HttpRequest.newBuilder(put.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(store.exists(key)).isTrue();

    PresignedRequest get = new S3DownloadLocations(store, clock).presignDownload(key, expiresAt);
    assertThat(get.method()).isEqualTo("GET");
    HttpResponse<byte[]> fetched =
        http.send(
            HttpRequest.newBuilder(get.url()).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(content);
  }

  @Test
  void theStoresSettingsDecideWhichSizesGoInPartsAndPartsGrowOnlyPastTenThousand() {
    // The defaults: above 16 MiB in parts of 8 MiB.
    S3MultipartUploads multipart = new S3MultipartUploads(store, clock);
    assertThat(multipart.plan(16L << 20)).isEmpty();
    var plan = multipart.plan((16L << 20) + 1).orElseThrow();
    assertThat(plan.partSizeBytes()).isEqualTo(8L << 20);
    assertThat(plan.partCount()).isEqualTo(3);
    assertThat(plan.lastByte(3)).isEqualTo(16L << 20);
    // 100 GiB in 8 MiB parts would be 12,800 parts: the part size grows to the next whole MiB that
    // fits 10,000.
    var huge = multipart.plan(100L << 30).orElseThrow();
    assertThat(huge.partSizeBytes()).isEqualTo(11L << 20);
    assertThat(huge.partCount()).isLessThanOrEqualTo(10_000);
  }
}
