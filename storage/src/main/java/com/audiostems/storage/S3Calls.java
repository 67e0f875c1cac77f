package com.audiostems.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Waits for an asynchronous S3 call and turns its failure into what a {@link BlobStore} caller
 * expects: {@link NoSuchFileException} for a missing object, otherwise an {@link IOException} that
 * names the operation, the bucket, the key and S3's error code, so that a person reading a failed
 * activity knows which object and which permission or setting to look at.
 */
final class S3Calls {
  private S3Calls() {}

  /**
   * The result of the call, or its failure as an IOException; interrupting the wait cancels the
   * call.
   */
  static <T> T await(CompletableFuture<T> call, String operation, String bucket, String objectKey)
      throws IOException {
    try {
      return call.get();
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "Interrupted during S3 " + operation + " of " + location(bucket, objectKey));
    } catch (ExecutionException | CompletionException | CancellationException e) {
      throw translate(e, operation, bucket, objectKey);
    }
  }

  /**
   * Whether the failure is S3 saying that the object (not the bucket, not an upload) does not
   * exist.
   */
  static boolean isMissingObject(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof NoSuchKeyException) {
      return true;
    }
    // A HEAD response has no body, so the SDK knows only the status: 404 without a code is a
    // missing
    // object. Other 404s name what is missing (NoSuchBucket, NoSuchUpload) and stay errors.
    return cause instanceof AwsServiceException s3
        && s3.statusCode() == 404
        && errorCodeOrNull(s3) == null;
  }

  /** Whether the failure, or the one it wraps, is S3's error with this code. */
  static boolean hasErrorCode(Throwable error, String code) {
    return errorCode(error).filter(code::equals).isPresent();
  }

  /**
   * S3's error code (e.g. {@code InvalidPart}) of the failure or the first one it wraps that S3
   * answered.
   */
  static Optional<String> errorCode(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof AwsServiceException s3) {
        return Optional.ofNullable(errorCodeOrNull(s3));
      }
    }
    return Optional.empty();
  }

  static IOException translate(Throwable error, String operation, String bucket, String objectKey) {
    Throwable cause = unwrap(error);
    String where = location(bucket, objectKey);
    if (isMissingObject(cause)) {
      var missing = new NoSuchFileException(where, null, "no such object (S3 " + operation + ")");
      missing.initCause(cause);
      return missing;
    }
    if (cause instanceof AwsServiceException s3
        && (s3.statusCode() >= 500 || s3.isThrottlingException())) {
      // S3's own "come back later": the SDK's retries are spent, the caller's may not be.
      return new StorageUnavailableException(
          "S3 " + operation + " of " + where + " failed: " + errorCode(s3) + ": " + s3.getMessage(),
          cause);
    }
    if (cause instanceof AwsServiceException s3) {
      // The SDK's message already holds S3's text, the status and the request id.
      return new IOException(
          "S3 " + operation + " of " + where + " failed: " + errorCode(s3) + ": " + s3.getMessage(),
          cause);
    }
    if (cause instanceof SdkClientException && isTransport(cause)) {
      // No answer at all (refused, reset, timed out): the server or the path to it is down.
      return new StorageUnavailableException(
          "S3 "
              + operation
              + " of "
              + where
              + " failed before S3 answered: "
              + cause.getMessage()
              + " (the server or the network to it is down; retried)",
          cause);
    }
    if (cause instanceof SdkClientException) {
      return new IOException(
          "S3 "
              + operation
              + " of "
              + where
              + " failed before S3 answered: "
              + cause.getMessage()
              + " (check the endpoint, the network and the credentials)",
          cause);
    }
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof CancellationException) {
      return new InterruptedIOException("S3 " + operation + " of " + where + " was cancelled");
    }
    return new IOException("S3 " + operation + " of " + where + " failed: " + cause, cause);
  }

  /**
   * Whether a client-side failure is the connection's (refused, reset, closed, timed out) rather
   * than the request's own (credentials, a bad setting): only the first goes away by itself.
   */
  private static boolean isTransport(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException
          || cause.getClass().getSimpleName().contains("Timeout")
          || cause.getClass().getName().startsWith("io.netty.")) {
        return true;
      }
    }
    return false;
  }

  static String location(String bucket, String objectKey) {
    return "s3://" + bucket + "/" + objectKey;
  }

  private static String errorCode(AwsServiceException s3) {
    String code = errorCodeOrNull(s3);
    return code == null ? "no error code" : code;
  }

  private static String errorCodeOrNull(AwsServiceException s3) {
    String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
    return code == null || code.isBlank() ? null : code;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
