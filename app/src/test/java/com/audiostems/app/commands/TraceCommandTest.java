package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems trace} end to end in this JVM: a real track processed with its watermarked
 * preview, a 15 s excerpt of the preview re-encoded as a leak would be, traced by fingerprint and
 * watermark at once.
 */
class TraceCommandTest {
  @TempDir Path temp;

  @Test
  void aLeakedPreviewExcerptIsTracedToItsTrackByFingerprintAndWatermark() throws Exception {
    Path store = temp.resolve("store");
    Path song = CatalogueCommandTest.music(temp, "song.wav", 21, 40);
    CommandRun processed =
        CommandRun.in(
            temp,
            "process",
            song.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "traced-1",
            "--formats",
            "preview-mp3-128");
    assertThat(processed.exitCode()).as(processed.err()).isZero();
    Path preview = store.resolve("tracks/traced-1/v1/outputs/preview-128k.mp3");
    assertThat(preview).exists();

    Path leak =
        TestAudio.convert(
            preview,
            temp.resolve("leak.mp3"),
            "-ss",
            "14",
            "-t",
            "15",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "128k");
    CommandRun traced = CommandRun.in(temp, "trace", leak.toString(), "--out", store.toString());

    assertThat(traced.exitCode()).as(traced.out() + traced.err()).isEqualTo(ExitCodes.OK);
    assertThat(traced.out())
        .contains("track     traced-1")
        .containsPattern("at 0:1[3-5]–0:2[8-9] of it")
        .contains("(preview)")
        .contains("track:      traced-1");
    assertThat(store.resolve("identify"))
        .as("the trace leaves nothing behind")
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void unrelatedUnmarkedAudioIsNeitherIdentifiedNorMarked() throws Exception {
    Path store = temp.resolve("store");
    Path other = CatalogueCommandTest.music(temp, "other.wav", 22, 15);

    CommandRun traced = CommandRun.in(temp, "trace", other.toString(), "--out", store.toString());

    assertThat(traced.exitCode()).as(traced.out() + traced.err()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(traced.out()).contains("no match").contains("no watermark found");
  }
}
