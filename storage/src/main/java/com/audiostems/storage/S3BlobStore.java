package com.audiostems.storage;

import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.FileTransformerConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A blob store in one S3 bucket (or an S3-compatible server), under an optional key prefix.
 *
 * <p>Every write is one PUT or one completed multipart upload, which S3 makes visible atomically,
 * so readers see the old object or the new one. Every write carries SHA-256 checksums that S3
 * verifies before it accepts the bytes: of the whole object for one PUT (the very digest returned
 * in the {@link StoredObject}, computed here from the file), of each part for an upload in parts.
 * Storage class follows {@link S3StorageClasses}; encryption follows the settings.
 */
public final class S3BlobStore implements PresigningBlobStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
  private static final int MAX_PARTS = 10_000;

  private final S3Settings settings;
  private final S3AsyncClient s3;
  private final S3Presigner presigner;

  /** A store that finds credentials the SDK's usual way (environment, profile, instance role). */
  public S3BlobStore(S3Settings settings) {
    this(settings, DefaultCredentialsProvider.builder().build());
  }

  public S3BlobStore(S3Settings settings, AwsCredentialsProvider credentials) {
    this(
        settings,
        S3Clients.asyncClient(settings, credentials),
        S3Clients.presigner(settings, credentials));
  }

  /** A store on clients built by {@link S3Clients} from the same settings; it closes them. */
  S3BlobStore(S3Settings settings, S3AsyncClient s3, S3Presigner presigner) {
    this.settings = settings;
    this.s3 = s3;
    this.presigner = presigner;
  }

  public S3Settings settings() {
    return settings;
  }

  @Override
  public StoredObject store(String key, Path file) throws IOException {
    String objectKey = objectKey(key);
    long bytes = Files.size(file);
    String sha256 = LocalBlobStore.sha256Of(file);
    await(
        s3.putObject(putRequest(key, bytes, sha256), AsyncRequestBody.fromFile(file)),
        "PutObject",
        objectKey);
    Files.delete(file);
    return new StoredObject(key, bytes, sha256);
  }

  @Override
  public StoredObject storeBytes(String key, byte[] content) throws IOException {
    String objectKey = objectKey(key);
    String sha256 = HexFormat.of().formatHex(sha256().digest(content));
    await(
        s3.putObject(putRequest(key, content.length, sha256), AsyncRequestBody.fromBytes(content)),
        "PutObject",
        objectKey);
    return new StoredObject(key, content.length, sha256);
  }

  /**
   * Streams the object; the response headers have arrived, the body is read as the caller reads.
   */
  @Override
  public InputStream open(String key) throws IOException {
    String objectKey = objectKey(key);
    return await(
        s3.getObject(
            get -> get.bucket(settings.bucket()).key(objectKey),
            AsyncResponseTransformer.toBlockingInputStream()),
        "GetObject",
        objectKey);
  }

  /**
   * A HEAD request. Its 404 has no body to tell a missing object from a missing bucket, so a wrong
   * bucket reads as "absent" here; every other method names the missing bucket.
   */
  @Override
  public boolean exists(String key) throws IOException {
    String objectKey = objectKey(key);
    CompletableFuture<?> head = s3.headObject(h -> h.bucket(settings.bucket()).key(objectKey));
    try {
      await(head, "HeadObject", objectKey);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** S3 answers a DELETE of a missing key with success, so repeating a delete is harmless. */
  @Override
  public void delete(String key) throws IOException {
    String objectKey = objectKey(key);
    await(
        s3.deleteObject(d -> d.bucket(settings.bucket()).key(objectKey)),
        "DeleteObject",
        objectKey);
  }

  /**
   * One ListObjectsV2 page per 1,000 objects; an object without a class is STANDARD (S3's rule).
   */
  @Override
  public java.util.Map<String, Long> bytesByStorageClass(String prefix) throws IOException {
    String objectPrefix = settings.keyPrefix() + requireSafePrefix(prefix);
    java.util.Map<String, Long> bytes = new java.util.TreeMap<>();
    String continuation = null;
    do {
      String token = continuation;
      ListObjectsV2Response page =
          await(
              s3.listObjectsV2(
                  l -> l.bucket(settings.bucket()).prefix(objectPrefix).continuationToken(token)),
              "ListObjectsV2",
              objectPrefix);
      for (S3Object object : page.contents()) {
        if (isSafe(object.key().substring(settings.keyPrefix().length()))) {
          String storageClass =
              object.storageClassAsString() == null ? "STANDARD" : object.storageClassAsString();
          bytes.merge(storageClass, object.size(), Long::sum);
        }
      }
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
    return bytes;
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    String objectPrefix = settings.keyPrefix() + requireSafePrefix(prefix);
    List<String> keys = new ArrayList<>();
    String continuation = null;
    do {
      String token = continuation;
      ListObjectsV2Response page =
          await(
              s3.listObjectsV2(
                  l -> l.bucket(settings.bucket()).prefix(objectPrefix).continuationToken(token)),
              "ListObjectsV2",
              objectPrefix);
      for (S3Object object : page.contents()) {
        String key = object.key().substring(settings.keyPrefix().length());
        if (isSafe(key)) {
          keys.add(key);
        } else {
          // Written by something else: every other method would refuse the key, so listing it would
          // only lead to failures.
          log.warn(
              "Skipping {} in the listing of s3://{}/{}: not a key the store accepts",
              object.key(),
              settings.bucket(),
              objectPrefix);
        }
      }
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
    keys.sort(null);
    return keys;
  }

  /**
   * Downloads into a temporary file in {@code workDir} that keeps the key's extension, for tools
   * that look at it.
   */
  @Override
  public LocalCopy localCopy(String key, Path workDir) throws IOException {
    String objectKey = objectKey(key);
    Files.createDirectories(workDir);
    Path download = Files.createTempFile(workDir, "s3-", extensionOf(key));
    try {
      await(
          s3.getObject(
              get -> get.bucket(settings.bucket()).key(objectKey),
              AsyncResponseTransformer.toFile(
                  download, FileTransformerConfiguration.defaultCreateOrReplaceExisting())),
          "GetObject",
          objectKey);
      return new DownloadedCopy(download);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(download);
      throw e;
    }
  }

  @Override
  public URL presignPut(String key, Duration validity) {
    String objectKey = objectKey(key);
    return onlyUrl(
        presigner.presignPutObject(
            p ->
                p.signatureDuration(requireValidity(validity))
                    .putObjectRequest(put -> put.bucket(settings.bucket()).key(objectKey))));
  }

  @Override
  public URL presignGet(String key, Duration validity) {
    String objectKey = objectKey(key);
    return onlyUrl(
        presigner.presignGetObject(
            p ->
                p.signatureDuration(requireValidity(validity))
                    .getObjectRequest(get -> get.bucket(settings.bucket()).key(objectKey))));
  }

  @Override
  public MultipartUpload startMultipartUpload(String key) throws IOException {
    String objectKey = objectKey(key);
    // The size is unknown until the client is done; uploads in parts are the large files by intent.
    var created =
        await(
            s3.createMultipartUpload(
                create ->
                    create
                        .bucket(settings.bucket())
                        .key(objectKey)
                        .storageClass(
                            S3StorageClasses.forObject(
                                key, Long.MAX_VALUE, settings.masterStorageClass()))
                        .serverSideEncryption(settings.encryption().algorithm())
                        .ssekmsKeyId(settings.encryption().kmsKeyIdOrNull())),
            "CreateMultipartUpload",
            objectKey);
    return new MultipartUpload(key, created.uploadId());
  }

  @Override
  public URL presignUploadPart(MultipartUpload upload, int partNumber, Duration validity) {
    String objectKey = objectKey(upload.key());
    if (partNumber < 1 || partNumber > MAX_PARTS) {
      throw new IllegalArgumentException(
          "A part number is 1 to " + MAX_PARTS + ", not " + partNumber + ".");
    }
    return onlyUrl(
        presigner.presignUploadPart(
            p ->
                p.signatureDuration(requireValidity(validity))
                    .uploadPartRequest(
                        part ->
                            part.bucket(settings.bucket())
                                .key(objectKey)
                                .uploadId(upload.uploadId())
                                .partNumber(partNumber))));
  }

  @Override
  public void completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts)
      throws IOException {
    String objectKey = objectKey(upload.key());
    List<CompletedPart> completed =
        parts.stream()
            .sorted(Comparator.comparingInt(UploadedPart::partNumber))
            .map(
                part ->
                    CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build())
            .toList();
    await(
        s3.completeMultipartUpload(
            complete ->
                complete
                    .bucket(settings.bucket())
                    .key(objectKey)
                    .uploadId(upload.uploadId())
                    .multipartUpload(m -> m.parts(completed))),
        "CompleteMultipartUpload",
        objectKey);
  }

  @Override
  public void abortMultipartUpload(MultipartUpload upload) throws IOException {
    String objectKey = objectKey(upload.key());
    try {
      await(
          s3.abortMultipartUpload(
              abort -> abort.bucket(settings.bucket()).key(objectKey).uploadId(upload.uploadId())),
          "AbortMultipartUpload",
          objectKey);
    } catch (IOException e) {
      // Aborting is compensation, and compensation is repeated: an upload already gone is done.
      if (!S3Calls.hasErrorCode(e, "NoSuchUpload")) {
        throw e;
      }
    }
  }

  /**
   * S3's error code behind a failure of this store (an {@link IOException} it threw), e.g. {@code
   * InvalidPart} or {@code NoSuchUpload} from {@link #completeMultipartUpload}: for callers that
   * tell their own clients what went wrong. Empty when S3 did not answer with an error code.
   */
  public static Optional<String> errorCode(Throwable failure) {
    return S3Calls.errorCode(failure);
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }

  private PutObjectRequest putRequest(String key, long bytes, String sha256Hex) {
    PutObjectRequest.Builder put =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(objectKey(key))
            .contentLength(bytes)
            .storageClass(S3StorageClasses.forObject(key, bytes, settings.masterStorageClass()))
            .serverSideEncryption(settings.encryption().algorithm())
            .ssekmsKeyId(settings.encryption().kmsKeyIdOrNull())
            .checksumAlgorithm(ChecksumAlgorithm.SHA256);
    if (!settings.uploadsInParts(bytes)) {
      // One PUT: S3 checks the bytes it received against the very digest we hand back.
      put.checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)));
    }
    // In parts, S3 has no whole-object SHA-256 check; the SDK sends each part's SHA-256 and S3
    // checks those.
    return put.build();
  }

  /** The S3 key of a store key: checked first, so an unsafe key never reaches a request. */
  private String objectKey(String key) {
    return settings.objectKey(SafeKeys.requireSafe(key));
  }

  private <T> T await(CompletableFuture<T> call, String operation, String objectKey)
      throws IOException {
    return S3Calls.await(call, operation, settings.bucket(), objectKey);
  }

  private Duration requireValidity(Duration validity) {
    if (validity == null
        || !validity.isPositive()
        || validity.compareTo(settings.maxPresignValidity()) > 0) {
      throw new IllegalArgumentException(
          "A presigned URL's validity must be positive and at most "
              + settings.maxPresignValidity()
              + " (S3 setting 'maxPresignValidity'); asked for "
              + validity
              + ".");
    }
    return validity;
  }

  /**
   * The URL alone must be enough: a signature over other headers would fail for a client that only
   * has the URL.
   */
  private static URL onlyUrl(PresignedRequest presigned) {
    // isBrowserExecutable() would say the same but is false for every PUT, which a browser cannot
    // send by a link.
    if (!presigned.signedHeaders().keySet().equals(Set.of("host"))) {
      throw new IllegalStateException(
          "The presigned "
              + presigned.httpRequest().method()
              + " needs headers beyond the URL: "
              + presigned.signedHeaders().keySet());
    }
    return presigned.url();
  }

  /** A listing prefix: empty, or safe segments where the last may be partial or followed by '/'. */
  private static String requireSafePrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("A listing prefix may be empty but not null.");
    }
    if (!prefix.isEmpty()) {
      SafeKeys.requireSafe(
          prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }
    return prefix;
  }

  /**
   * {@link SafeKeys#requireSafe} as a test, for keys that come from S3 rather than from a caller.
   */
  static boolean isSafe(String key) {
    try {
      SafeKeys.requireSafe(key);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** ".wav" for "tracks/t1/outputs/master.wav"; safe keys hold no odd characters to carry over. */
  private static String extensionOf(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot) : ".tmp";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** A downloaded object; closing removes the file. */
  private record DownloadedCopy(Path path) implements LocalCopy {
    @Override
    public void close() throws IOException {
      Files.deleteIfExists(path);
    }
  }
}
