package com.audiostems.storage;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * A blob store that can let a client read or write one object directly, without credentials and
 * without the bytes passing through us. A separate interface because {@link LocalBlobStore} has no
 * such URLs, and callers that need them must say so in their types.
 */
public interface PresigningBlobStore extends BlobStore {

  /**
   * A URL that accepts one plain HTTP PUT of the object's bytes until the validity ends. Only the
   * host is signed, so any HTTP client can use it without extra headers; the object therefore gets
   * the bucket's default storage class and default encryption, not the store's settings.
   */
  URL presignPut(String key, Duration validity);

  /** A URL that serves the object to a plain HTTP GET until the validity ends. */
  URL presignGet(String key, Duration validity);

  /**
   * Starts an upload in parts for a client that sends large files itself: the store creates it
   * (with its storage class and encryption, which a presigned PUT cannot carry), the client PUTs
   * each part to {@link #presignUploadPart} and reports the parts' ETags, the store completes it.
   * Nothing is visible under the key until {@link #completeMultipartUpload}.
   */
  MultipartUpload startMultipartUpload(String key) throws IOException;

  /**
   * A URL that accepts one plain HTTP PUT of the part's bytes; every part but the last must be at
   * least 5 MiB.
   */
  URL presignUploadPart(MultipartUpload upload, int partNumber, Duration validity);

  /** Joins the parts, in part-number order, into the object; it appears atomically. */
  void completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) throws IOException;

  /** Discards the upload and the parts sent so far; an upload already gone is not an error. */
  void abortMultipartUpload(MultipartUpload upload) throws IOException;
}
