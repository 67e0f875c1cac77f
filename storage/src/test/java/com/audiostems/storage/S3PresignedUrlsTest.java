package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.storage.testing.S3TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presigned URLs used by a plain HTTP client that has no credentials, against the real test server.
 */
class S3PresignedUrlsTest {
  @RegisterExtension static final S3TestServer server = new S3TestServer();

  private static final HttpClient http = HttpClient.newHttpClient();
  private static S3BlobStore store;

  @BeforeAll
  static void openStore() {
    store =
        new S3BlobStore(server.settings().keyPrefix("presigned/").build(), server.credentials());
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Test
  void aPresignedPutThenAPresignedGetReturnTheSameBytes() throws Exception {
    byte[] content = S3BlobStoreTest.randomBytes(100 * 1024, 5);

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(
                    uri(store.presignPut("uploads/t1/source.flac", Duration.ofMinutes(5))))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    HttpResponse<byte[]> get =
        http.send(
            HttpRequest.newBuilder(
                    uri(store.presignGet("uploads/t1/source.flac", Duration.ofMinutes(5))))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(content);
    try (var in = store.open("uploads/t1/source.flac")) {
      assertThat(in.readAllBytes()).as("the store sees the client's upload").isEqualTo(content);
    }
  }

  @Test
  void aUrlIsRefusedOnceItsValidityEnds() throws Exception {
    store.storeBytes("tracks/t1/manifest.json", "{}".getBytes());
    URL url = store.presignGet("tracks/t1/manifest.json", Duration.ofSeconds(1));
    // SigV4 expiry has a one-second resolution: wait past it.
    Thread.sleep(2_100);

    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(uri(url)).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(403);
  }

  @Test
  void validityMustBePositiveAndWithinTheSetting() {
    assertThatThrownBy(() -> store.presignGet("tracks/t1/manifest.json", Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPresignValidity");
    assertThatThrownBy(() -> store.presignPut("tracks/t1/manifest.json", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClientUploadsAMultipartUploadThroughPresignedPartUrls() throws Exception {
    byte[] content = S3BlobStoreTest.randomBytes((5 << 20) + 300_000, 6);
    MultipartUpload upload = store.startMultipartUpload("uploads/t2/source.wav");
    List<UploadedPart> parts = new ArrayList<>();
    int[][] ranges = {{0, 5 << 20}, {5 << 20, content.length}};
    // The client may send parts in any order; the part numbers say where they go.
    for (int partNumber : new int[] {2, 1}) {
      byte[] part =
          Arrays.copyOfRange(content, ranges[partNumber - 1][0], ranges[partNumber - 1][1]);
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(
                      uri(store.presignUploadPart(upload, partNumber, Duration.ofMinutes(5))))
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(part))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      parts.add(new UploadedPart(partNumber, put.headers().firstValue("ETag").orElseThrow()));
    }
    assertThat(store.exists("uploads/t2/source.wav")).as("invisible until complete").isFalse();

    store.completeMultipartUpload(upload, parts);

    try (var in = store.open("uploads/t2/source.wav")) {
      assertThat(S3BlobStoreTest.sha256Hex(in)).isEqualTo(S3BlobStoreTest.sha256Hex(content));
    }
  }

  @Test
  void anAbortedUploadLeavesNothingAndAbortingTwiceIsFine() throws Exception {
    MultipartUpload upload = store.startMultipartUpload("uploads/t3/source.wav");
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(uri(store.presignUploadPart(upload, 1, Duration.ofMinutes(5))))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);

    store.abortMultipartUpload(upload);
    store.abortMultipartUpload(upload);

    // AWS answers NoSuchUpload here, versitygw InvalidPart: either way an error that names the
    // object.
    assertThatThrownBy(
            () ->
                store.completeMultipartUpload(
                    upload,
                    List.of(new UploadedPart(1, put.headers().firstValue("ETag").orElseThrow()))))
        .isExactlyInstanceOf(IOException.class)
        .hasMessageContaining(
            "CompleteMultipartUpload of s3://"
                + S3TestServer.BUCKET
                + "/presigned/uploads/t3/source.wav");
    assertThat(store.list("uploads/t3/")).isEmpty();
  }

  @Test
  void aWrongETagIsRefusedWithS3sErrorCodeAndTheUploadStaysOpen() throws Exception {
    MultipartUpload upload = store.startMultipartUpload("uploads/t4/source.wav");
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(uri(store.presignUploadPart(upload, 1, Duration.ofMinutes(5))))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);

    IOException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                store.completeMultipartUpload(
                    upload, List.of(new UploadedPart(1, "\"0123456789abcdef0123456789abcdef\""))));

    assertThat(S3BlobStore.errorCode(refused)).contains("InvalidPart");
    assertThat(S3BlobStore.errorCode(new IOException("not S3's"))).isEmpty();
    // The upload is still open: the right ETag completes it.
    store.completeMultipartUpload(
        upload, List.of(new UploadedPart(1, put.headers().firstValue("ETag").orElseThrow())));
    assertThat(store.exists("uploads/t4/source.wav")).isTrue();
  }

  private static URI uri(URL url) throws Exception {
    return url.toURI();
  }
}
