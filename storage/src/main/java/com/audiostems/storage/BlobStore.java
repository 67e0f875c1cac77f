package com.audiostems.storage;

import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Object storage by key. Keys are '/'-separated segments of letters, digits, '.', '_' and '-'
 * (checked by {@link SafeKeys}); a write is atomic: readers see the old object or the new one,
 * never half of it.
 */
public interface BlobStore {

  /** Stores the file under the key, taking ownership of it (it may be moved, and is gone after). */
  StoredObject store(String key, Path file) throws IOException;

  /** Stores small content such as a manifest. */
  StoredObject storeBytes(String key, byte[] content) throws IOException;

  InputStream open(String key) throws IOException;

  boolean exists(String key) throws IOException;

  /** Deletes the object; a missing key is not an error. */
  void delete(String key) throws IOException;

  /** Keys under the prefix, sorted. */
  List<String> list(String prefix) throws IOException;

  /**
   * The bytes of the objects under the prefix (those {@link #list} names), summed by storage class:
   * {@code STANDARD} for a local store, each object's S3 class (STANDARD, INTELLIGENT_TIERING,
   * GLACIER_IR, ...) for a bucket. It reads the whole listing: call it on a schedule, not per
   * request.
   */
  java.util.Map<String, Long> bytesByStorageClass(String prefix) throws IOException;

  /**
   * A local file with the object's content for tools that need a path (ffmpeg, jaudiotagger). A
   * local store hands out its own file, read-only by contract; a remote store downloads into {@code
   * workDir}. Close the copy when done.
   */
  LocalCopy localCopy(String key, Path workDir) throws IOException;

  /** A readable local file; closing it removes it if it was a temporary download. */
  interface LocalCopy extends AutoCloseable {
    Path path();

    @Override
    void close() throws IOException;
  }
}
