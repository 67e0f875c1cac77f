package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.storage.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Working copies in front of a real S3-compatible server (versitygw), whose access log counts the
 * downloads.
 */
class WorkingCopyStoreTest {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  @TempDir Path temp;

  private String prefix;
  private S3BlobStore bucket;

  @BeforeEach
  void store() {
    prefix = "copies-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    bucket = new S3BlobStore(s3.settings().keyPrefix(prefix).build(), s3.credentials());
  }

  @AfterEach
  void close() {
    bucket.close();
  }

  @Test
  void aFetchedSourceIsDownloadedOnceAndEveryLaterReadUsesTheCopy() throws Exception {
    bucket.storeBytes("uploads/t1/source.wav", bytes(1000, 1));
    try (WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 1 << 20)) {
      List<Long> progress = new ArrayList<>();
      copies.fetch("uploads/t1/source.wav", progress::add);
      assertThat(progress).last().isEqualTo(1000L);

      List<Path> read = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        try (BlobStore.LocalCopy copy =
            copies.localCopy("uploads/t1/source.wav", temp.resolve("activity-" + i))) {
          assertThat(Files.readAllBytes(copy.path())).isEqualTo(bytes(1000, 1));
          read.add(copy.path());
        }
      }
      assertThat(read).containsOnly(read.getFirst());
      Path copy = read.getFirst();
      assertThat(copy.getParent()).isEqualTo(copies.directory().orElseThrow());
      assertThat(copy.getParent().getParent())
          .isEqualTo(temp.resolve("work").resolve(WorkingCopyStore.DIRECTORY));
      // A digest of the key and the extension tools look at; nothing of the key's path.
      assertThat(copy.getFileName().toString()).matches("[0-9a-f]{32}\\.wav");
      assertThat(copy).exists(); // reading leaves the copy for the next activity
      assertThat(s3.requests("GetObject", prefix + "uploads/t1/source.wav")).isEqualTo(1);
      assertThat(copies.bytes()).isEqualTo(1000);
    }
  }

  @Test
  void aKeyThatWasNotFetchedIsReadFromTheStoreAsBefore() throws Exception {
    bucket.storeBytes("tracks/t1/v1/outputs/flac.flac", bytes(10, 2));
    try (WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 1 << 20)) {
      Path downloaded;
      try (BlobStore.LocalCopy copy =
          copies.localCopy("tracks/t1/v1/outputs/flac.flac", temp.resolve("verify"))) {
        downloaded = copy.path();
        assertThat(downloaded.getParent()).isEqualTo(temp.resolve("verify"));
      }
      assertThat(downloaded).doesNotExist();
      assertThat(copies.keys()).isEmpty();
    }
  }

  @Test
  void beyondTheLimitTheLeastRecentlyReadUnusedCopiesGoButCopiesInUseStay() throws Exception {
    for (String track : List.of("a", "b", "c", "d")) {
      bucket.storeBytes("uploads/" + track + "/source.wav", bytes(100, track.charAt(0)));
    }
    try (WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 250)) {
      copies.fetch("uploads/a/source.wav", b -> {});
      copies.fetch("uploads/b/source.wav", b -> {});
      try (BlobStore.LocalCopy a =
          copies.localCopy("uploads/a/source.wav", temp)) { // a is now the most recent
        assertThat(a.path()).exists();
      }
      copies.fetch("uploads/c/source.wav", b -> {});
      assertThat(copies.keys()).containsExactly("uploads/a/source.wav", "uploads/c/source.wav");
      assertThat(copies.bytes()).isEqualTo(200);

      // a is being read: d pushes c out instead, and the total goes over the limit only while a is
      // held.
      try (BlobStore.LocalCopy a = copies.localCopy("uploads/a/source.wav", temp)) {
        copies.fetch("uploads/c/source.wav", b -> {}); // c most recent, a least
        copies.fetch("uploads/d/source.wav", b -> {});
        assertThat(copies.keys()).containsExactly("uploads/a/source.wav", "uploads/d/source.wav");
        assertThat(Files.readAllBytes(a.path())).isEqualTo(bytes(100, 'a'));
      }
      try (var files = Files.list(copies.directory().orElseThrow())) {
        assertThat(files.toList()).as("evicted copies leave no file").hasSize(2);
      }
    }
  }

  @Test
  void aDeletedSourceTakesItsCopyWithIt() throws Exception {
    bucket.storeBytes("uploads/t1/source.flac", bytes(10, 3));
    try (WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 1 << 20)) {
      copies.fetch("uploads/t1/source.flac", b -> {});
      copies.delete("uploads/t1/source.flac");
      assertThat(copies.keys()).isEmpty();
      assertThat(bucket.exists("uploads/t1/source.flac")).isFalse();
      try (var files = Files.list(copies.directory().orElseThrow())) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }

  @Test
  void aMissingSourceIsNoSuchFileAndLeavesNothing() throws Exception {
    try (WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 1 << 20)) {
      assertThatThrownBy(() -> copies.fetch("uploads/none/source.wav", b -> {}))
          .isInstanceOf(NoSuchFileException.class);
      try (var files = Files.list(copies.directory().orElseThrow())) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }

  @Test
  void closingRemovesTheCopiesAndTheNextProcessRemovesThoseOfADeadOne() throws Exception {
    bucket.storeBytes("uploads/t1/source.wav", bytes(10, 4));
    Path parent = temp.resolve("work").resolve(WorkingCopyStore.DIRECTORY);
    // A process that was killed: its pid is gone (a pid above any the kernel hands out).
    Path dead = Files.createDirectories(parent.resolve("99999999-0123abcd"));
    Files.write(dead.resolve("0123456789abcdef0123456789abcdef.wav"), bytes(10, 5));
    // A process that is alive (this one) keeps its directory.
    Path alive =
        Files.createDirectories(parent.resolve(ProcessHandle.current().pid() + "-89abcdef"));

    WorkingCopyStore copies = WorkingCopyStore.open(bucket, temp.resolve("work"), 1 << 20);
    assertThat(dead).doesNotExist();
    assertThat(alive).exists();
    copies.fetch("uploads/t1/source.wav", b -> {});
    Path own = copies.directory().orElseThrow();
    copies.close();
    assertThat(own).doesNotExist();
  }

  @Test
  void theLocalStoreHandsOutItsOwnFilesWithoutCopies() throws Exception {
    LocalBlobStore local = new LocalBlobStore(temp.resolve("store"));
    local.storeBytes("uploads/t1/source.wav", bytes(10, 6));
    try (WorkingCopyStore copies = WorkingCopyStore.open(local, temp.resolve("work"), 1 << 20)) {
      copies.fetch("uploads/t1/source.wav", b -> {});
      try (BlobStore.LocalCopy copy =
          copies.localCopy("uploads/t1/source.wav", temp.resolve("activity"))) {
        assertThat(copy.path()).isEqualTo(local.pathOf("uploads/t1/source.wav"));
      }
      assertThat(copies.directory()).isEmpty();
      assertThat(temp.resolve("work")).doesNotExist();
      assertThatThrownBy(() -> copies.fetch("uploads/none/source.wav", b -> {}))
          .isInstanceOf(NoSuchFileException.class);
    }
  }

  private static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
