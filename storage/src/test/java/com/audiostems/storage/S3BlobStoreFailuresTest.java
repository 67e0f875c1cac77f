package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.storage.testing.S3TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** What callers see when S3 says no, and keys that never reach S3. */
class S3BlobStoreFailuresTest {
  @RegisterExtension static final S3TestServer server = new S3TestServer();

  @TempDir Path temp;

  @Test
  void s3ErrorsNameTheBucketTheKeyAndTheErrorCode() throws Exception {
    try (S3BlobStore store =
        new S3BlobStore(
            S3Settings.builder("audiostems-missing", S3TestServer.REGION)
                .endpointOverride(server.endpoint())
                .pathStyleAccess(true)
                .keyPrefix("p/")
                .build(),
            server.credentials())) {
      assertThatThrownBy(() -> store.storeBytes("tracks/t1/manifest.json", new byte[] {1}))
          .isExactlyInstanceOf(IOException.class)
          .hasMessageContaining("PutObject of s3://audiostems-missing/p/tracks/t1/manifest.json")
          .hasMessageContaining("NoSuchBucket");
      assertThatThrownBy(() -> store.open("tracks/t1/manifest.json"))
          .as("a missing bucket is a setting to fix, not a missing object")
          .isExactlyInstanceOf(IOException.class)
          .hasMessageContaining("NoSuchBucket");
      Path file = Files.write(temp.resolve("kept.wav"), new byte[] {1, 2});
      assertThatThrownBy(() -> store.store("uploads/t1/source.wav", file))
          .isInstanceOf(IOException.class);
      assertThat(file).as("a failed upload leaves the file to the caller").exists();
    }
  }

  @Test
  void theServerRefusesBytesThatDoNotMatchTheSha256() {
    // The guarantee the store relies on: a PUT whose checksum header disagrees with its body is
    // refused.
    var put =
        server
            .client()
            .putObject(
                p ->
                    p.bucket(S3TestServer.BUCKET)
                        .key("bad-digest")
                        .checksumSHA256("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
                AsyncRequestBody.fromString("not abc"));

    assertThatThrownBy(() -> S3Calls.await(put, "PutObject", S3TestServer.BUCKET, "bad-digest"))
        .isExactlyInstanceOf(IOException.class)
        .hasMessageContaining("s3://" + S3TestServer.BUCKET + "/bad-digest")
        .hasMessageContaining("BadDigest");
  }

  @Test
  void unsafeKeysAreRefusedBeforeAnyRequest() throws Exception {
    // Nothing listens at this endpoint: a request that went out would fail with a connection error
    // instead.
    URI nowhere;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    Path file = Files.writeString(temp.resolve("f.wav"), "x");
    try (S3BlobStore store =
        new S3BlobStore(
            server.settings().endpointOverride(nowhere).build(), server.credentials())) {
      for (String key :
          List.of(
              "../x",
              "a/../../x",
              "/etc/passwd",
              "a//b",
              "a/./b",
              ".hidden/x",
              "a\\b",
              "",
              "a/",
              "a b")) {
        List<ThrowingCallable> calls =
            List.of(
                () -> store.store(key, file),
                () -> store.storeBytes(key, new byte[] {1}),
                () -> store.open(key),
                () -> store.exists(key),
                () -> store.delete(key),
                () -> store.localCopy(key, temp),
                () -> store.presignPut(key, Duration.ofMinutes(1)),
                () -> store.presignGet(key, Duration.ofMinutes(1)));
        for (ThrowingCallable call : calls) {
          assertThatThrownBy(call)
              .as("key '%s'", key)
              .isInstanceOfSatisfying(
                  UnsafeKeyException.class, e -> assertThat(e.key()).isEqualTo(key));
        }
      }
      assertThatThrownBy(() -> store.list("../")).isInstanceOf(UnsafeKeyException.class);
      assertThatThrownBy(() -> store.exists("tracks/t1/manifest.json"))
          .as("the same store does send safe keys: refused, a store to retry later")
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("s3://" + S3TestServer.BUCKET + "/tracks/t1/manifest.json")
          .isNotInstanceOf(NoSuchFileException.class);
    }
    assertThat(file).exists();
    assertThat(temp).isDirectoryNotContaining("glob:**/s3-*");
  }
}
