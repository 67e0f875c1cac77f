package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.storage.testing.S3TestServer;
import com.audiostems.workflows.storage.StoredObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** S3BlobStore against a real S3-compatible server (versitygw) over HTTP. */
class S3BlobStoreTest {
  @RegisterExtension static final S3TestServer server = new S3TestServer();

  @TempDir Path temp;
  private String prefix;
  private S3BlobStore store;

  @BeforeEach
  void openStore(TestInfo test) {
    // Each test under its own key prefix, so that listings see only its own objects.
    prefix = test.getTestMethod().orElseThrow().getName() + "/";
    store = new S3BlobStore(server.settings().keyPrefix(prefix).build(), server.credentials());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void storesOpensListsAndDeletesObjects() throws Exception {
    Path file = Files.writeString(temp.resolve("f.mp3"), "abc");

    StoredObject stored = store.store("tracks/t1/outputs/f.mp3", file);
    store.storeBytes("tracks/t1/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));

    // Reference: SHA-256("abc") from FIPS 180-2, appendix B.1.
    assertThat(stored)
        .isEqualTo(
            new StoredObject(
                "tracks/t1/outputs/f.mp3",
                3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assertThat(file).as("the store took the file").doesNotExist();
    try (InputStream in = store.open("tracks/t1/outputs/f.mp3")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
    assertThat(store.exists("tracks/t1/outputs/f.mp3")).isTrue();
    assertThat(store.list("tracks/t1/"))
        .containsExactly("tracks/t1/manifest.json", "tracks/t1/outputs/f.mp3");
    assertThat(store.list("tracks/t1/outputs/")).containsExactly("tracks/t1/outputs/f.mp3");
    assertThat(store.list("tracks/t2/")).isEmpty();

    store.delete("tracks/t1/outputs/f.mp3");
    store.delete("tracks/t1/outputs/f.mp3");

    assertThat(store.exists("tracks/t1/outputs/f.mp3")).isFalse();
    assertThat(store.list("")).containsExactly("tracks/t1/manifest.json");
    assertThat(objectKeysOnServer())
        .as("the prefix is applied on the server")
        .containsExactly(prefix + "tracks/t1/manifest.json");
  }

  @Test
  void bytesAreSummedByTheStorageClassEachObjectIsListedWith() throws Exception {
    int masterBytes = (int) S3StorageClasses.SMALLEST_TIERED_BYTES + 1;
    store.storeBytes("tracks/t1/outputs/master.flac", new byte[masterBytes]);
    store.storeBytes("uploads/t2/source.wav", new byte[masterBytes * 2]);
    store.storeBytes("tracks/t1/manifest.json", new byte[10]);
    store.storeBytes("tracks/t1/outputs/tiny.mp3", new byte[5]);
    long total = 3L * masterBytes + 15;

    // versitygw keeps no storage class: it lists every object as STANDARD.
    assertThat(store.bytesByStorageClass("")).isEqualTo(Map.of("STANDARD", total));
    assertThat(store.bytesByStorageClass("tracks/none/")).isEmpty();

    // As S3 lists them: each object with the class the store wrote it with (S3StorageClasses),
    // two keys a page so that the sums run over continuation tokens.
    S3Settings settings = server.settings().keyPrefix(prefix).build();
    ExecutionInterceptor asS3ListsThem =
        new ExecutionInterceptor() {
          @Override
          public SdkRequest modifyRequest(
              Context.ModifyRequest context, ExecutionAttributes attributes) {
            return context.request() instanceof ListObjectsV2Request list
                ? list.toBuilder().maxKeys(2).build()
                : context.request();
          }

          @Override
          public software.amazon.awssdk.core.SdkResponse modifyResponse(
              Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof ListObjectsV2Response page)) {
              return context.response();
            }
            return page.toBuilder()
                .contents(
                    page.contents().stream()
                        .map(
                            o ->
                                o.toBuilder()
                                    .storageClass(
                                        S3StorageClasses.forObject(
                                                o.key().substring(prefix.length()),
                                                o.size(),
                                                StorageClass.INTELLIGENT_TIERING)
                                            .toString())
                                    .build())
                        .toList())
                .build();
          }
        };
    try (S3BlobStore listed =
        new S3BlobStore(
            settings,
            S3Clients.asyncClientBuilder(settings, server.credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(asS3ListsThem))
                .build(),
            S3Clients.presigner(settings, server.credentials()))) {
      assertThat(listed.bytesByStorageClass(""))
          .isEqualTo(Map.of("INTELLIGENT_TIERING", 3L * masterBytes, "STANDARD", 15L));
      assertThat(listed.bytesByStorageClass("tracks/t1/"))
          .isEqualTo(Map.of("INTELLIGENT_TIERING", (long) masterBytes, "STANDARD", 15L));
    }
  }

  @Test
  void aListingFollowsEveryPageAndIsSorted() throws Exception {
    for (String name : new String[] {"e", "b", "d", "a", "c"}) {
      store.storeBytes("tracks/t1/outputs/" + name + ".mp3", new byte[] {1});
    }
    S3Settings settings = server.settings().keyPrefix(prefix).build();
    SentRequests sent = new SentRequests();
    // Pages of two keys, so that five keys take three ListObjectsV2 calls joined by continuation
    // tokens.
    ExecutionInterceptor twoKeysAPage =
        new ExecutionInterceptor() {
          @Override
          public SdkRequest modifyRequest(
              Context.ModifyRequest context, ExecutionAttributes attributes) {
            return context.request() instanceof ListObjectsV2Request list
                ? list.toBuilder().maxKeys(2).build()
                : context.request();
          }
        };
    try (S3BlobStore paged =
        new S3BlobStore(
            settings,
            S3Clients.asyncClientBuilder(settings, server.credentials())
                .overrideConfiguration(
                    o -> o.addExecutionInterceptor(twoKeysAPage).addExecutionInterceptor(sent))
                .build(),
            S3Clients.presigner(settings, server.credentials()))) {
      assertThat(paged.list("tracks/t1/outputs/"))
          .containsExactly(
              "tracks/t1/outputs/a.mp3",
              "tracks/t1/outputs/b.mp3",
              "tracks/t1/outputs/c.mp3",
              "tracks/t1/outputs/d.mp3",
              "tracks/t1/outputs/e.mp3");
    }
    assertThat(sent.count("GET", "list-type")).isEqualTo(3);
  }

  @Test
  void theStoredSha256IsTheFilesAndTheServerVerifiedIt() throws Exception {
    byte[] content = randomBytes(300 * 1024, 1);
    Path file = Files.write(temp.resolve("source.wav"), content);
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(content);

    StoredObject stored = store.store("uploads/t1/source.wav", file);

    assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected));
    assertThat(stored.bytes()).isEqualTo(content.length);
    HeadObjectResponse head = head("uploads/t1/source.wav");
    assertThat(head.checksumSHA256())
        .as("the checksum the server checked and kept")
        .isEqualTo(Base64.getEncoder().encodeToString(expected));
  }

  @Test
  void aLargeFileIsUploadedInPartsAndReadsBackIdentical() throws Exception {
    store.close();
    store =
        new S3BlobStore(
            server
                .settings()
                .keyPrefix(prefix)
                .multipartThresholdBytes(5L << 20)
                .partSizeBytes(5L << 20)
                .build(),
            server.credentials());
    byte[] content = randomBytes(12 << 20, 2);
    Path file = Files.write(temp.resolve("master.wav"), content);

    StoredObject stored = store.store("tracks/t1/outputs/master.wav", file);

    assertThat(stored.sha256()).isEqualTo(sha256Hex(content));
    assertThat(head("tracks/t1/outputs/master.wav").eTag())
        .as("an ETag of a three-part upload")
        .endsWith("-3\"");
    try (InputStream in = store.open("tracks/t1/outputs/master.wav")) {
      assertThat(sha256Hex(in)).isEqualTo(stored.sha256());
    }
  }

  @Test
  void aMissingObjectIsNoSuchFile() throws Exception {
    assertThat(store.exists("tracks/t1/outputs/none.mp3")).isFalse();
    assertThatThrownBy(() -> store.open("tracks/t1/outputs/none.mp3"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(
            "s3://" + S3TestServer.BUCKET + "/" + prefix + "tracks/t1/outputs/none.mp3");
    assertThatThrownBy(() -> store.localCopy("tracks/t1/outputs/none.mp3", temp.resolve("work")))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(temp.resolve("work")).as("no download left behind").isEmptyDirectory();
  }

  @Test
  void aLocalCopyIsADownloadThatCloseRemoves() throws Exception {
    byte[] content = randomBytes(64 * 1024, 3);
    store.storeBytes("tracks/t1/outputs/preview.mp3", content);
    Path workDir = temp.resolve("work");

    Path copied;
    try (BlobStore.LocalCopy copy = store.localCopy("tracks/t1/outputs/preview.mp3", workDir)) {
      copied = copy.path();
      assertThat(copied.getParent()).isEqualTo(workDir);
      assertThat(copied.getFileName().toString())
          .as("tools such as ffmpeg look at the extension")
          .endsWith(".mp3");
      assertThat(Files.readAllBytes(copied)).isEqualTo(content);
    }
    assertThat(copied).doesNotExist();
    assertThat(store.exists("tracks/t1/outputs/preview.mp3")).as("the object stays").isTrue();
  }

  private HeadObjectResponse head(String key) {
    return server
        .client()
        .headObject(
            h -> h.bucket(S3TestServer.BUCKET).key(prefix + key).checksumMode(ChecksumMode.ENABLED))
        .join();
  }

  private java.util.List<String> objectKeysOnServer() {
    return server
        .client()
        .listObjectsV2(l -> l.bucket(S3TestServer.BUCKET).prefix(prefix))
        .join()
        .contents()
        .stream()
        .map(o -> o.key())
        .toList();
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256Hex(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  static String sha256Hex(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
