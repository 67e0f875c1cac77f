package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code process} command end to end, in this JVM: real ffmpeg, real in-process Temporal. */
class ProcessCommandTest {
  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  private Run process(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all =
        Stream.concat(
                Stream.of("process"),
                Stream.concat(
                    Stream.of(args),
                    Stream.of(
                        "--audiostems.work-dir=" + temp.resolve("work"),
                        "--audiostems.temporal.data-dir=" + temp.resolve("data"))))
            .toArray(String[]::new);
    int code =
        AudiostemsApplication.run(
            all,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Issue 15: a stems library takes one-shots. A 0.5 s WAV was rejected EmptyFile "too short to
   * fingerprint"; it is published in every format, and the manifest says it was not fingerprinted.
   */
  @Test
  void aHalfSecondOneShotIsPublishedAndTheManifestSaysItWasNotFingerprinted() throws Exception {
    Path source = TestAudio.wav(temp.resolve("Kick 01.wav"), 48_000, 24, 2, 0.5);
    Path out = temp.resolve("out");

    Run run = process(source.toString(), "--out", out.toString(), "--track-id", "kick-01");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode manifest =
        new ObjectMapper().readTree(out.resolve("tracks/kick-01/manifest.json").toFile());
    assertThat(manifest.get("outputs")).hasSize(6);
    assertThat(manifest.get("source").get("decodedFrames").asLong()).isEqualTo(24_000);
    JsonNode identification = manifest.get("identification");
    assertThat(identification.get("hashesPerSecond").asDouble()).isZero();
    assertThat(identification.get("fingerprintSkipped").asText())
        .contains("0.50 s", "not fingerprinted");
  }

  @Test
  void taggedBroadcastWaveBecomesEveryDeliveryFormatWithTagsAndBitExactMasters() throws Exception {
    Path plain = TestAudio.wav(temp.resolve("plain.wav"), 48_000, 24, 2, 3.0);
    Path source =
        TestAudio.convert(
            plain,
            temp.resolve("Night Drive.wav"),
            "-c:a",
            "pcm_s24le",
            "-write_bext",
            "1",
            "-metadata",
            "title=Night Drive",
            "-metadata",
            "artist=Ada Composer",
            "-metadata",
            "description=Main theme, full mix",
            "-metadata",
            "originator=AudioStems Test",
            "-metadata",
            "origination_date=2026-11-24");
    Path out = temp.resolve("out");

    Run run = process(source.toString(), "--out", out.toString(), "--track-id", "night-drive");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Pipeline wall time").contains("flac").contains("tier STANDARD");
    Path outputs = out.resolve("tracks/night-drive/v1/outputs");
    JsonNode manifest =
        new ObjectMapper().readTree(out.resolve("tracks/night-drive/manifest.json").toFile());
    assertThat(manifest.get("workflowId").asText()).isEqualTo("track-night-drive");
    assertThat(manifest.get("outputs")).hasSize(6);
    assertThat(manifest.get("absentOutputs").get(0).get("format").asText()).isEqualTo("FLAC_96K");
    assertThat(manifest.get("preview").get("watermarked").asBoolean()).isTrue();
    assertThat(manifest.get("preview").get("payloadId").asText())
        .isEqualTo(com.audiostems.workflows.watermark.PreviewPayloads.forTrack("night-drive"));
    assertThat(manifest.get("metadata").get("bext").get("originator").asText())
        .isEqualTo("AudioStems Test");
    for (JsonNode output : manifest.get("outputs")) {
      Path file = out.resolve(output.get("key").asText());
      assertThat(file).exists();
      assertThat(output.get("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(file)));
      assertThat(output.get("bytes").asLong()).isEqualTo(Files.size(file));
      assertThat(ffprobeTags(file))
          .as("tags of %s", file.getFileName())
          .containsIgnoringCase("Night Drive")
          .containsIgnoringCase("Ada Composer");
    }
    String sourcePcm = pcmSha256(source);
    for (String lossless : List.of("flac.flac", "alac.m4a", "wav-24bit.wav")) {
      assertThat(pcmSha256(outputs.resolve(lossless)))
          .as(lossless + " decodes to the source's samples")
          .isEqualTo(sourcePcm);
    }
    assertThat(ffprobeTags(outputs.resolve("wav-24bit.wav")))
        .as("bext kept")
        .contains("Main theme, full mix");
  }

  @Test
  void runsOnAnExistingTemporalServerWhenGivenOne() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // A Temporal server listening on a real port, as a remote one would (time skipping locked off).
    try (var server = io.temporal.testserver.TestServer.createPortBoundServer(port, true)) {
      Path source = TestAudio.wav(temp.resolve("short.wav"), 44_100, 16, 2, 1.5);
      Path out = temp.resolve("out-remote");

      Run run =
          process(
              source.toString(),
              "--out",
              out.toString(),
              "--temporal",
              "localhost:" + port,
              "--formats",
              "flac,mp3-320",
              "--track-id",
              "remote-1");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Temporal server at localhost:" + port);
      assertThat(out.resolve("tracks/remote-1/v1/outputs/flac.flac")).exists();
      assertThat(out.resolve("tracks/remote-1/v1/outputs/mp3-320k.mp3")).exists();
      assertThat(out.resolve("tracks/remote-1/v1/outputs/aac-256k.m4a"))
          .as("not requested")
          .doesNotExist();
    }
  }

  @Test
  void aTextFileNamedWavIsRejectedAndLeavesNothing() throws Exception {
    Path fake =
        Files.writeString(
            temp.resolve("song.wav"), "this is not audio, just some text\n".repeat(20));
    Path out = temp.resolve("out-rejected");

    Run run = process(fake.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.err()).contains("Rejected: NotAudio");
    assertThat(out).doesNotExist();
  }

  /** A 16-bit master dressed as 24-bit does not pass as professional, whatever its header says. */
  @Test
  void aSourceBelowTheRequestedTierIsRejectedWithTheQualityFindings() throws Exception {
    Path sixteen = TestAudio.wav(temp.resolve("sixteen.wav"), 48_000, 16, 2, 3.0);
    Path padded = TestAudio.convert(sixteen, temp.resolve("Padded.wav"), "-c:a", "pcm_s24le");
    Path out = temp.resolve("out-tier");

    Run run = process(padded.toString(), "--out", out.toString(), "--tier", "professional");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.err()).contains("Rejected: BelowRequestedTier").contains("professional tier");
    assertThat(out).as("outputs, analysis, quality report and upload compensated").doesNotExist();
  }

  @Test
  void usageErrorsAreReportedBeforeAnythingStarts() throws Exception {
    Run missing =
        process(temp.resolve("nope.wav").toString(), "--out", temp.resolve("o").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(
            AudiostemsApplication.run(
                new String[] {"process", "--formats", "mp5", "x.wav"}, System.out, System.err))
        .isEqualTo(ExitCodes.USAGE);
  }

  static String ffprobeTags(Path file) throws IOException {
    return TestAudio.run(
        List.of(
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format_tags",
            "-of",
            "default",
            file.toString()));
  }

  /** SHA-256 of the decoded samples as 32-bit integers, so that 16/24-bit containers compare. */
  static String pcmSha256(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:a:0", "-f", "s32le", "-")
            .start();
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (var in = p.getInputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    assertThat(p.waitFor()).isZero();
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
