package com.audiostems.storage;

import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as one worker process (one "host" of file affinity) sees it: the sources it has
 * {@linkplain #fetch fetched} are kept as local working copies, so that the track's later
 * activities on this host (probe, validate, metadata, every encode lane, the analysis) read the
 * same file instead of downloading the source again. Everything else passes through to the store.
 *
 * <p><b>Zero copy for the local store.</b> {@link LocalBlobStore} hands out its own files; there is
 * nothing to copy, so {@link #fetch} only checks that the source exists and {@link #localCopy}
 * passes through.
 *
 * <p><b>Where.</b> {@code <workDir>/working-copies/<pid>-<random>/}: a directory per process, since
 * processes on one machine may share a work dir and one must not evict the other's files. A copy's
 * name is a SHA-256 of its key plus the key's extension (tools look at it): no part of a user's
 * file name or of the key's path becomes a path here.
 *
 * <p><b>Cleanup.</b> A bounded LRU by bytes: after each fetch, the least recently read copies that
 * no activity is reading go until the total is at most {@code maxBytes} (the newest copy always
 * stays, however large). Copies in use are never deleted, so the total may exceed the bound while
 * more sources than fit are being read at once. Nothing in the workflow says "this host is done
 * with the track": a published or failed track's copy simply ages out, and a re-process on this
 * host months later reads through to the store if its copy is gone. {@link #delete} of a source
 * drops its copy; {@link #close} (the process stopping) removes the directory; the directories of
 * processes that died without closing are removed when the next process opens the same work dir.
 */
public final class WorkingCopyStore implements BlobStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkingCopyStore.class);
  static final String DIRECTORY = "working-copies";
  private static final Pattern PROCESS_DIRECTORY = Pattern.compile("(\\d+)-[0-9a-f]{8}");

  private static final long PROGRESS_STEP_BYTES = 4L << 20;

  private final BlobStore store;

  /** This process's copies; null for a store whose local copies cost nothing. */
  private final Path directory;

  private final long maxBytes;

  /** Guards {@link #copies} and {@link #bytes}; never held during a download. */
  private final Object lock = new Object();

  /** Access order: the first entry is the least recently read. */
  private final LinkedHashMap<String, Copy> copies = new LinkedHashMap<>(16, 0.75f, true);

  private long bytes;

  /**
   * One download of a key at a time, so that two fetches of one source never write the same file;
   * striped by key, so the locks do not grow with the keys seen.
   */
  private final ReentrantLock[] downloads =
      Stream.generate(ReentrantLock::new).limit(64).toArray(ReentrantLock[]::new);

  private WorkingCopyStore(BlobStore store, Path directory, long maxBytes) {
    this.store = store;
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /**
   * The working copies of this process in front of {@code store}.
   *
   * @param workDir the process's scratch space; copies go to a directory of this process's own
   *     below it
   * @param maxBytes how many bytes of copies not in use are kept; at least 1
   */
  public static WorkingCopyStore open(BlobStore store, Path workDir, long maxBytes)
      throws IOException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException(
          "The working copies' size limit must be at least 1 byte, not " + maxBytes + ".");
    }
    if (store instanceof WorkingCopyStore) {
      throw new IllegalArgumentException("The store already keeps working copies.");
    }
    if (store instanceof LocalBlobStore) {
      return new WorkingCopyStore(store, null, maxBytes);
    }
    Path parent = Files.createDirectories(workDir.toAbsolutePath().normalize().resolve(DIRECTORY));
    removeDirectoriesOfDeadProcesses(parent);
    Path own =
        parent.resolve(
            ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
    return new WorkingCopyStore(store, Files.createDirectories(own), maxBytes);
  }

  /** The store behind the copies. */
  public BlobStore store() {
    return store;
  }

  /** This process's copies, or empty for the local store (no copies). */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /**
   * Makes a working copy of the key on this host: downloads it (again, replacing an older copy: a
   * fetch is the start of a track's work here) unless the store's own files are local.
   *
   * @param progress receives the bytes copied so far, every few MiB (a long download heartbeats
   *     through it); an exception from it stops the download and propagates
   * @throws NoSuchFileException when the store has no such object
   */
  public void fetch(String key, LongConsumer progress) throws IOException {
    SafeKeys.requireSafe(key);
    if (directory == null) {
      if (!store.exists(key)) { // its own file is the copy: only a check
        throw new NoSuchFileException(key, null, "no such object in the store");
      }
      return;
    }
    download(key, progress);
  }

  /**
   * The working copy when this host has one (the caller reads it, it stays); otherwise the store's
   * own local copy.
   */
  @Override
  public LocalCopy localCopy(String key, Path workDir) throws IOException {
    if (directory != null) {
      synchronized (lock) {
        Copy copy = copies.get(key);
        if (copy != null) {
          copy.leases++;
          return new Lease(copy);
        }
      }
    }
    return store.localCopy(key, workDir);
  }

  /** Bytes of working copies on disk now. */
  public long bytes() {
    synchronized (lock) {
      return bytes;
    }
  }

  /** The keys that have working copies, least recently read first. */
  public List<String> keys() {
    synchronized (lock) {
      return List.copyOf(copies.keySet());
    }
  }

  private void download(String key, LongConsumer progress) throws IOException {
    ReentrantLock downloading = downloads[Math.floorMod(key.hashCode(), downloads.length)];
    downloading.lock();
    try {
      Path target = directory.resolve(fileName(key));
      Path part = directory.resolve(UUID.randomUUID() + ".part");
      try {
        try (InputStream in = store.open(key);
            OutputStream out = Files.newOutputStream(part)) {
          copy(in, out, progress);
        }
        // Readers of an older copy keep the file they opened; new readers get the whole new one.
        Files.move(
            part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(part);
      }
      List<Path> evicted;
      synchronized (lock) {
        long size = Files.size(target);
        // A copy replaced in place keeps its readers' holds: the same object, the same file name.
        Copy copy = copies.computeIfAbsent(key, k -> new Copy(k, target));
        bytes += size - copy.bytes;
        copy.bytes = size;
        evicted = evictBeyondLimit(copy);
      }
      for (Path file : evicted) {
        Files.deleteIfExists(file);
      }
    } finally {
      downloading.unlock();
    }
  }

  private static void copy(InputStream in, OutputStream out, LongConsumer progress)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    long copied = 0;
    long reported = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      copied += n;
      if (copied - reported >= PROGRESS_STEP_BYTES) {
        progress.accept(copied);
        reported = copied;
      }
    }
    progress.accept(copied);
  }

  /**
   * Under the lock: takes the least recently read unused copies out until the total fits; the
   * caller deletes their files.
   */
  private List<Path> evictBeyondLimit(Copy newest) {
    List<Path> evicted = new ArrayList<>();
    for (Iterator<Copy> it = copies.values().iterator(); it.hasNext() && bytes > maxBytes; ) {
      Copy copy = it.next();
      if (copy != newest && copy.leases == 0) {
        it.remove();
        bytes -= copy.bytes;
        evicted.add(copy.path);
        log.debug("Working copy of {} evicted ({} bytes)", copy.key, copy.bytes);
      }
    }
    return evicted;
  }

  /**
   * ".wav" for "uploads/x/source.wav": the one part of the key kept, since ffprobe and jaudiotagger
   * look at it.
   */
  static String fileName(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 9 ? name.substring(dot) : "";
    return HexFormat.of().formatHex(sha256(key)).substring(0, 32) + extension;
  }

  @Override
  public StoredObject store(String key, Path file) throws IOException {
    return store.store(key, file);
  }

  @Override
  public StoredObject storeBytes(String key, byte[] content) throws IOException {
    return store.storeBytes(key, content);
  }

  @Override
  public InputStream open(String key) throws IOException {
    return store.open(key);
  }

  @Override
  public boolean exists(String key) throws IOException {
    return store.exists(key);
  }

  /** Deletes the object and, unless an activity is reading it, its working copy. */
  @Override
  public void delete(String key) throws IOException {
    store.delete(key);
    Path unused = null;
    synchronized (lock) {
      Copy copy = copies.get(key);
      if (copy != null && copy.leases == 0) {
        copies.remove(key);
        bytes -= copy.bytes;
        unused = copy.path;
      }
    }
    if (unused != null) {
      Files.deleteIfExists(unused);
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    return store.list(prefix);
  }

  @Override
  public java.util.Map<String, Long> bytesByStorageClass(String prefix) throws IOException {
    return store.bytesByStorageClass(prefix);
  }

  /** Removes this process's copies; the store behind them is its owner's to close. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      copies.clear();
      bytes = 0;
    }
    if (directory != null) {
      deleteTree(directory);
    }
  }

  private static void removeDirectoriesOfDeadProcesses(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      for (Path child : children.toList()) {
        Matcher name = PROCESS_DIRECTORY.matcher(child.getFileName().toString());
        if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
          log.info(
              "Removing the working copies of process {}, which is gone: {}", name.group(1), child);
          deleteTree(child);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** A working copy; {@code leases} counts the activities reading it. */
  private static final class Copy {
    final String key;
    final Path path;
    long bytes;
    int leases;

    Copy(String key, Path path) {
      this.key = key;
      this.path = path;
    }
  }

  /** One reader's hold on a copy: the copy cannot be evicted until every hold is closed. */
  private final class Lease implements LocalCopy {
    private final Copy copy;
    private boolean closed;

    Lease(Copy copy) {
      this.copy = copy;
    }

    @Override
    public Path path() {
      return copy.path;
    }

    @Override
    public void close() {
      synchronized (lock) {
        if (!closed) {
          closed = true;
          copy.leases--;
        }
      }
    }
  }
}
