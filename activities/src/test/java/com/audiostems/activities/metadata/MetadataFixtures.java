package com.audiostems.activities.metadata;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.BroadcastExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** Inputs and independent checks (ffmpeg, ffprobe) for the metadata tests. */
final class MetadataFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Extended UMID (64 bytes) with a non-zero second half, as a recorder would write it. Every
   * 8-byte group starts below 0x80: ffmpeg 5.1 parses the UMID in signed 64-bit groups and
   * saturates the others.
   */
  static final String UMID_HEX =
      "060a2b340101010501010f1013000000"
          + "21b2c3d4e5f60718293a4b5c6d7e0f10"
          + "0102030405060708090a0b0c0d0e0f10"
          + "1112131415161718191a1b1c1d1e1f20";

  /** Odd length on purpose: the chunk needs a pad byte. */
  static final String IXML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BWFXML><IXML_VERSION>2.10</IXML_VERSION>"
          + "<PROJECT>Stems</PROJECT><SCENE>12A</SCENE><TAKE>3</TAKE><NOTE>Café</NOTE></BWFXML>";

  static final BroadcastExtension BEXT =
      new BroadcastExtension(
          "Final mix, stems printed from the session",
          "AudioStems Studio",
          "AST-2024-000017",
          "2024-03-15",
          "14:05:09",
          158_760_000L,
          UMID_HEX,
          "A=PCM,F=48000,W=24,M=stereo,T=Session\r\nA=PCM,F=48000,W=24,M=stereo,T=AudioStems\r\n");

  private MetadataFixtures() {}

  /** A small PNG made in Java: a gradient, so that it compresses to a few hundred bytes. */
  static Path coverPng(Path file) throws IOException {
    return writeImage(file, "png");
  }

  static Path coverJpeg(Path file) throws IOException {
    return writeImage(file, "jpg");
  }

  private static Path writeImage(Path file, String format) throws IOException {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 48, 32, Color.BLUE));
    g.fillRect(0, 0, 48, 32);
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("No ImageIO writer for " + format);
    }
    return file;
  }

  /** {@code ffmpeg -y <args> <out>}: a converter independent of the code under test. */
  static Path ffmpeg(Path out, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    command.addAll(List.of(args));
    command.add(out.toString());
    TestAudio.run(command);
    return out;
  }

  /** SHA-256 of the decoded audio as 32-bit PCM: equal hashes mean bit-identical audio. */
  static String decodedAudioSha256(Path file) throws IOException {
    Process process =
        new ProcessBuilder(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-i",
                file.toString(),
                "-map",
                "0:a:0",
                "-f",
                "s32le",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    MessageDigest digest = sha256();
    long bytes;
    try (InputStream in = new DigestInputStream(process.getInputStream(), digest)) {
      bytes = in.transferTo(OutputStream.nullOutputStream());
    }
    try {
      if (process.waitFor() != 0 || bytes == 0) {
        throw new IOException("ffmpeg could not decode " + file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** ffprobe's container-level tags, keys case-insensitive (Vorbis comments keep their case). */
  static Map<String, String> ffprobeTags(Path file) throws IOException {
    JsonNode tags = ffprobe(file, "-show_entries", "format_tags").path("format").path("tags");
    Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tags.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
    return result;
  }

  /** How many streams ffprobe marks as an attached picture (cover art). */
  static int attachedPictures(Path file) throws IOException {
    int count = 0;
    for (JsonNode stream :
        ffprobe(file, "-show_entries", "stream=codec_type:stream_disposition=attached_pic")
            .path("streams")) {
      if (stream.path("disposition").path("attached_pic").asInt() == 1) {
        count++;
      }
    }
    return count;
  }

  /** What the probe stage would hand over: ffprobe's format name and first audio codec. */
  static SourceProbe probe(Path file) throws IOException {
    JsonNode root =
        ffprobe(
            file,
            "-show_entries",
            "format=format_name:stream=codec_name,codec_type",
            "-select_streams",
            "a:0");
    String codec = root.path("streams").path(0).path("codec_name").asText("");
    return new SourceProbe(
        root.path("format").path("format_name").asText(),
        codec,
        0,
        0,
        0,
        "",
        0,
        "",
        0,
        0,
        Files.size(file),
        false,
        false);
  }

  private static JsonNode ffprobe(Path file, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-of", "json"));
    command.addAll(List.of(args));
    command.add(file.toString());
    return JSON.readTree(TestAudio.run(command));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
