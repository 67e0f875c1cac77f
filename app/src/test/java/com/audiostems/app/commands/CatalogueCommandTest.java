package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.catalogue.SynthesisedTracks;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.dsp.testing.music.WavWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue end to end, in this JVM: real ffmpeg, real fingerprints, the Lucene indexes on
 * disk, the in-process Temporal server. Synthesised pieces differ by seed; the "uploads" are real
 * MP3 re-encodes and excerpts of them.
 */
class CatalogueCommandTest {
  @TempDir Path temp;

  private Path piece(String name, long seed, double seconds) throws Exception {
    return music(temp, name, seed, seconds);
  }

  /** A generated piece of music (seeded) as a 44.1 kHz 16-bit stereo WAV in {@code dir}. */
  static Path music(Path dir, String name, long seed, double seconds) throws Exception {
    float[] mono = SynthesisedTracks.render(seed, seconds);
    Path rendered = dir.resolve("rendered-" + name);
    WavWriter.write(new float[][] {mono, mono}, SynthesisedTracks.RATE_HZ, rendered, 16);
    // At 44.1 kHz: the pipeline's minimum for a source.
    return TestAudio.convert(rendered, dir.resolve(name), "-ar", "44100", "-c:a", "pcm_s16le");
  }

  private static JsonNode manifest(Path store, String trackId) throws Exception {
    return new ObjectMapper()
        .readTree(store.resolve("tracks/" + trackId + "/manifest.json").toFile());
  }

  @Test
  void duplicatesAreRejectedOrLinkedAndExcerptsIdentified() throws Exception {
    Path store = temp.resolve("store");
    Path song = piece("song.wav", 11, 40);
    CommandRun first =
        CommandRun.in(
            temp,
            "process",
            song.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "song-1",
            "--formats",
            "FLAC");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(manifest(store, "song-1").get("identification").get("fingerprintKey").asText())
        .isEqualTo("tracks/song-1/fingerprint.bin");
    assertThat(store.resolve("tracks/song-1/fingerprint.bin")).exists();
    assertThat(store.resolve("catalogue/tracks/song-1.json")).exists();

    // The same recording again, as an MP3 under another name: a duplicate.
    Path again =
        TestAudio.convert(
            song, temp.resolve("Another Title.mp3"), "-c:a", "libmp3lame", "-b:a", "128k");
    CommandRun duplicate =
        CommandRun.in(
            temp,
            "process",
            again.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "song-2",
            "--formats",
            "FLAC");
    assertThat(duplicate.exitCode())
        .as(duplicate.out() + duplicate.err())
        .isEqualTo(ExitCodes.REJECTED);
    assertThat(duplicate.err()).contains("song-1").contains("LINK_AS_ALTERNATE");
    assertThat(store.resolve("tracks/song-2")).doesNotExist();

    CommandRun linked =
        CommandRun.in(
            temp,
            "process",
            again.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "song-3",
            "--formats",
            "FLAC",
            "--duplicates",
            "link");
    assertThat(linked.exitCode()).as(linked.err()).isZero();
    JsonNode identification = manifest(store, "song-3").get("identification");
    assertThat(identification.get("alternateOf").asText()).isEqualTo("song-1");
    assertThat(identification.get("duplicates").get(0).get("id").asText()).isEqualTo("song-1");

    // A 10 s excerpt from 0:12, through MP3: found, and placed.
    Path excerpt =
        TestAudio.convert(
            song,
            temp.resolve("clip.mp3"),
            "-ss",
            "12",
            "-t",
            "10",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "128k");
    CommandRun found =
        CommandRun.in(temp, "identify", excerpt.toString(), "--out", store.toString());
    assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(ExitCodes.OK);
    assertThat(found.out())
        .contains("track     song-1")
        .containsPattern("at 0:1[1-3]–0:2[1-3] of it");
    assertThat(store.resolve("identify"))
        .as("the query leaves nothing behind")
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

    CommandRun unrelated =
        CommandRun.in(
            temp, "identify", piece("other.wav", 12, 20).toString(), "--out", store.toString());
    assertThat(unrelated.exitCode())
        .as(unrelated.out() + unrelated.err())
        .isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unrelated.out()).contains("no match");
  }

  @Test
  void aTrackMatchingAReferenceWorkIsHeldAndTheTimeoutPolicyDecides() throws Exception {
    Path store = temp.resolve("store");
    Path reference = piece("library-piece.wav", 21, 30);
    CommandRun added =
        CommandRun.in(
            temp,
            "reference",
            "add",
            reference.toString(),
            "--id",
            "ref-21",
            "--title",
            "Library Piece",
            "--out",
            store.toString());
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("Reference ref-21 added");

    Path upload =
        TestAudio.convert(
            reference, temp.resolve("my-track.mp3"), "-c:a", "libmp3lame", "-b:a", "192k");
    CommandRun rejected =
        CommandRun.in(
            temp,
            "process",
            upload.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "held-1",
            "--formats",
            "FLAC",
            "--audiostems.catalogue.review-timeout=2s");
    assertThat(rejected.exitCode())
        .as(rejected.out() + rejected.err())
        .isEqualTo(ExitCodes.REJECTED);
    assertThat(rejected.err()).contains("ref-21").contains("Library Piece").contains("timeout");

    CommandRun approved =
        CommandRun.in(
            temp,
            "process",
            upload.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "held-2",
            "--formats",
            "FLAC",
            "--audiostems.catalogue.review-timeout=2s",
            "--audiostems.catalogue.on-review-timeout=approve");
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    JsonNode identification = manifest(store, "held-2").get("identification");
    assertThat(identification.get("references").get(0).get("id").asText()).isEqualTo("ref-21");
    assertThat(identification.get("review").get("reviewer").asText()).isEqualTo("timeout");
    assertThat(identification.get("review").get("approved").asBoolean()).isTrue();
  }

  /**
   * A track under a second is published unfingerprinted; a reference work that short could never
   * match.
   */
  @Test
  void aReferenceWorkUnderASecondIsRefused() throws Exception {
    Path store = temp.resolve("store");
    Path hit = TestAudio.wav(temp.resolve("hit.wav"), 44_100, 16, 2, 0.5);

    CommandRun added =
        CommandRun.in(
            temp, "reference", "add", hit.toString(), "--id", "ref-hit", "--out", store.toString());

    assertThat(added.exitCode()).as(added.out() + added.err()).isEqualTo(ExitCodes.REJECTED);
    assertThat(added.err()).contains("0.50 s", "A reference work needs a second of audio or more");
  }
}
