package com.audiostems.storage;

import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A blob store on the local filesystem under one root directory. Writes go to a temporary file in
 * {@code <root>/.incoming} and are renamed into place, so a reader never sees a partial object.
 */
public final class LocalBlobStore implements BlobStore {
  private static final String INCOMING = ".incoming";
  private final Path root;

  public LocalBlobStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    Files.createDirectories(this.root);
  }

  public Path root() {
    return root;
  }

  /** The file behind a key; the key is checked first, and the result must stay under the root. */
  public Path pathOf(String key) {
    Path path = root.resolve(SafeKeys.requireSafe(key)).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("Key escapes the store root: " + key);
    }
    return path;
  }

  @Override
  public StoredObject store(String key, Path file) throws IOException {
    Path target = pathOf(key);
    Path incoming = incomingFile();
    try {
      try {
        Files.move(file, incoming, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.copy(file, incoming, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(file);
      }
      String sha256 = sha256Of(incoming);
      long bytes = Files.size(incoming);
      publish(incoming, target);
      return new StoredObject(key, bytes, sha256);
    } finally {
      Files.deleteIfExists(incoming);
    }
  }

  @Override
  public StoredObject storeBytes(String key, byte[] content) throws IOException {
    Path target = pathOf(key);
    Path incoming = incomingFile();
    try {
      try (OutputStream out = Files.newOutputStream(incoming)) {
        out.write(content);
      }
      String sha256 = HexFormat.of().formatHex(digest().digest(content));
      publish(incoming, target);
      return new StoredObject(key, content.length, sha256);
    } finally {
      Files.deleteIfExists(incoming);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(pathOf(key));
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(pathOf(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Path path = pathOf(key);
    Files.deleteIfExists(path);
    // Leave no empty directories behind a deleted track.
    for (Path dir = path.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          break;
        }
      } catch (NoSuchFileException e) {
        continue;
      }
      Files.deleteIfExists(dir);
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> !k.startsWith(INCOMING + "/"))
          .filter(k -> k.startsWith(prefix))
          .sorted()
          .toList();
    }
  }

  /** The class a local store reports: its files have one, the disk's. */
  public static final String STORAGE_CLASS = "STANDARD";

  @Override
  public java.util.Map<String, Long> bytesByStorageClass(String prefix) throws IOException {
    long bytes = 0;
    for (String key : list(prefix)) {
      if (key.startsWith(".")) {
        // The root's own directories (.ledger, .catalogue) hold no blobs: keys start with a letter
        // or digit.
        continue;
      }
      try {
        bytes += Files.size(root.resolve(key));
      } catch (NoSuchFileException e) {
        // deleted since the listing: no longer stored
      }
    }
    return java.util.Map.of(STORAGE_CLASS, bytes);
  }

  @Override
  public LocalCopy localCopy(String key, Path workDir) throws IOException {
    Path path = pathOf(key);
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(key);
    }
    return new LocalCopy() {
      @Override
      public Path path() {
        return path;
      }

      @Override
      public void close() {}
    };
  }

  /** SHA-256 of a file as lowercase hex. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private Path incomingFile() throws IOException {
    Path incoming = root.resolve(INCOMING);
    Files.createDirectories(incoming);
    return incoming.resolve(UUID.randomUUID() + ".part");
  }

  private static void publish(Path incoming, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.move(
        incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
