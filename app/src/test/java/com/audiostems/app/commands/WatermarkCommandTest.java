package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems process} marks the preview with a key it generates once into the data dir, and
 * {@code audiostems watermark detect} finds the mark, names the key and the track (through the
 * store's registry) and shows where the mark is; an unmarked file exits with the not-found code.
 * One processed track serves every test: processing is the slow part.
 */
class WatermarkCommandTest {
  static final String TRACK = "marked-song";
  static final int RATE = 44_100;

  @TempDir static Path temp;
  static Path source;
  static Path out;
  static Path data;
  static Path preview;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    String[] all =
        Stream.concat(
                Stream.of(args),
                Stream.of(
                    "--audiostems.work-dir=" + temp.resolve("work"),
                    "--audiostems.temporal.data-dir=" + data))
            .toArray(String[]::new);
    int code =
        AudiostemsApplication.run(
            all,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Run(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void processATrack() throws Exception {
    source = MarkableAudio.wav(temp.resolve("Marked Song.wav"), RATE, 2, 20);
    out = temp.resolve("out");
    data = temp.resolve("data");
    Run processed =
        run(
            "process",
            source.toString(),
            "--out",
            out.toString(),
            "--track-id",
            TRACK,
            "--formats",
            "preview-mp3-128,flac");
    assertThat(processed.exitCode()).as(processed.err()).isZero();
    preview =
        out.resolve(
            BlobKeys.outputKey(
                TRACK, 1, com.audiostems.workflows.media.OutputFormat.PREVIEW_MP3_128));
  }

  @Test
  void processMarksThePreviewWithAKeyGeneratedOnceAndRecordsItInTheManifestAndTheRegistry()
      throws Exception {
    Path keyFile = data.resolve("watermark-key");
    assertThat(keyFile).exists();
    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String payloadId = PreviewPayloads.forTrack(TRACK);

    JsonNode manifest =
        new ObjectMapper().readTree(out.resolve(BlobKeys.manifestKey(TRACK)).toFile());
    assertThat(manifest.get("preview").get("watermarked").asBoolean()).isTrue();
    assertThat(manifest.get("preview").get("payloadId").asText()).isEqualTo(payloadId);
    assertThat(manifest.get("verification").get("checks").toString())
        .contains("marked preview PCM");

    JsonNode registered =
        new ObjectMapper().readTree(out.resolve(BlobKeys.watermarkRegistryKey(payloadId)).toFile());
    assertThat(registered.get("trackId").asText()).isEqualTo(TRACK);
    assertThat(registered.get("kind").asText()).isEqualTo("preview");
    assertThat(registered.get("keyId").asText()).isEqualTo(keyIdIn(keyFile));
    assertThat(registered.toString()).doesNotContain(secretIn(keyFile));
  }

  @Test
  void detectPrintsThePayloadTheKeyTheTrackAndTheTimelineAndExitsZero() throws Exception {
    Run found = run("watermark", "detect", preview.toString(), "--store", out.toString());

    assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(ExitCodes.OK);
    assertThat(found.out())
        .contains("Watermark found in preview-128k.mp3")
        .contains("payload:    " + PreviewPayloads.forTrack(TRACK) + " (preview)")
        .contains("key:        " + keyIdIn(data.resolve("watermark-key")))
        .contains("track:      " + TRACK)
        .contains("marked")
        .doesNotContain("UNMARKED")
        .doesNotContain(secretIn(data.resolve("watermark-key")));
  }

  @Test
  void anUnmarkedFileExitsWithTheNotFoundCode() throws Exception {
    Run none = run("watermark", "detect", source.toString(), "--store", out.toString());

    assertThat(none.exitCode()).as(none.out() + none.err()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(none.out()).contains("No watermark found in Marked Song.wav");
  }

  @Test
  void unmarkedAudioSplicedIntoThePreviewIsShownAsAnUnmarkedRegion() throws Exception {
    float[][] marked = MarkableAudio.decode(preview, RATE, 2);
    float[][] original = MarkableAudio.decode(source, RATE, 2);
    for (int c = 0; c < 2; c++) {
      System.arraycopy(original[c], 7 * RATE, marked[c], 7 * RATE, 6 * RATE);
    }
    Path tampered = MarkableAudio.writeWav(temp.resolve("tampered.wav"), marked, RATE);

    Run found = run("watermark", "detect", tampered.toString(), "--store", out.toString());

    assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(ExitCodes.OK);
    assertThat(found.out()).contains("track:      " + TRACK);
    Matcher unmarked = Pattern.compile("([0-9.]+) – +([0-9.]+) s  UNMARKED").matcher(found.out());
    assertThat(unmarked.find()).as(found.out()).isTrue();
    double start = Double.parseDouble(unmarked.group(1));
    double end = Double.parseDouble(unmarked.group(2));
    assertThat(start).as("the region starts near the splice's 7 s").isBetween(5.0, 9.0);
    assertThat(end).as("and ends near its 13 s").isBetween(11.0, 15.0);
    assertThat(unmarked.find()).as("one unmarked region only").isFalse();
  }

  @Test
  void pathsThatAreNotReadableFilesAndBadArgumentsAreRefused() throws Exception {
    assertThat(run("watermark", "detect", temp.resolve("missing.mp3").toString()).exitCode())
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run("watermark", "detect", temp.toString()).exitCode())
        .as("a directory")
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run("watermark", "detect").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("watermark", "erase", preview.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    Path text = Files.writeString(temp.resolve("notes.mp3"), "not audio\n".repeat(100));
    Run notAudio = run("watermark", "detect", text.toString());
    assertThat(notAudio.exitCode()).as(notAudio.err()).isEqualTo(ExitCodes.REJECTED);
  }

  private static String keyIdIn(Path keyFile) throws Exception {
    return keyProperties(keyFile).getProperty("id");
  }

  private static String secretIn(Path keyFile) throws Exception {
    return keyProperties(keyFile).getProperty("secret");
  }

  private static Properties keyProperties(Path keyFile) throws Exception {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(keyFile)) {
      properties.load(in);
    }
    return properties;
  }
}
