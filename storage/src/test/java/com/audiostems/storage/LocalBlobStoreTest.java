package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {
  @TempDir Path temp;

  @Test
  void storesAtomicallyWithTheSha256OfTheContent() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("root"));
    Path file = Files.writeString(temp.resolve("f.txt"), "abc");

    StoredObject stored = store.store("tracks/t1/outputs/f.txt", file);

    // Reference: SHA-256("abc") from FIPS 180-2, appendix B.1.
    assertThat(stored.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(stored.bytes()).isEqualTo(3);
    assertThat(file).as("the store took the file").doesNotExist();
    try (var in = store.open("tracks/t1/outputs/f.txt")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
    assertThat(store.list("tracks/t1/")).containsExactly("tracks/t1/outputs/f.txt");
    assertThat(store.list(""))
        .as("no temporary files left")
        .containsExactly("tracks/t1/outputs/f.txt");
  }

  @Test
  void replacingAnObjectKeepsOneVersion() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp);
    store.storeBytes("a/b.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
    store.storeBytes("a/b.json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(store.pathOf("a/b.json"))).isEqualTo("{\"v\":2}");
    assertThat(store.list("a/")).hasSize(1);
  }

  @Test
  void deleteIsIdempotentAndRemovesEmptyDirectories() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("root"));
    store.storeBytes("tracks/t1/outputs/x.mp3", new byte[] {1});
    store.delete("tracks/t1/outputs/x.mp3");
    store.delete("tracks/t1/outputs/x.mp3");
    assertThat(store.exists("tracks/t1/outputs/x.mp3")).isFalse();
    assertThat(temp.resolve("root/tracks")).doesNotExist();
    assertThat(temp.resolve("root")).exists();
  }

  @Test
  void keysThatCouldEscapeTheRootAreRefused() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("root"));
    for (String key :
        new String[] {
          "../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", ".incoming/x", "a\\b", "", "a/"
        }) {
      assertThatThrownBy(() -> store.storeBytes(key, new byte[] {1}))
          .as(key)
          .isInstanceOfSatisfying(
              UnsafeKeyException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void aLocalStoresBytesAreAllStandard() throws Exception {
    LocalBlobStore local = new LocalBlobStore(temp.resolve("bytes-by-class"));
    local.storeBytes("tracks/t1/outputs/a.flac", new byte[1_000]);
    local.storeBytes("tracks/t1/manifest.json", new byte[24]);
    local.storeBytes("uploads/t2/source.wav", new byte[7]);
    java.nio.file.Files.createDirectories(temp.resolve("bytes-by-class/.ledger"));
    java.nio.file.Files.write(temp.resolve("bytes-by-class/.ledger/ledger.mv.db"), new byte[99]);

    assertThat(local.bytesByStorageClass("")).isEqualTo(java.util.Map.of("STANDARD", 1_031L));
    assertThat(local.bytesByStorageClass("tracks/t1/"))
        .isEqualTo(java.util.Map.of("STANDARD", 1_024L));
    assertThat(local.bytesByStorageClass("tracks/none/"))
        .isEqualTo(java.util.Map.of("STANDARD", 0L));
  }
}
