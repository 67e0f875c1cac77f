package com.audiostems.activities.metadata;

import static com.audiostems.activities.metadata.MetadataFixtures.BEXT;
import static com.audiostems.activities.metadata.MetadataFixtures.IXML;
import static com.audiostems.activities.metadata.MetadataFixtures.UMID_HEX;
import static com.audiostems.activities.metadata.MetadataFixtures.decodedAudioSha256;
import static com.audiostems.activities.metadata.MetadataFixtures.ffmpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.ffprobeTags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.metadata.BroadcastExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BwfChunksTest {
  @TempDir Path dir;

  @Test
  void readsEveryBextFieldThatFfmpegWrote() throws IOException {
    Path wav = bwfFromFfmpeg(dir.resolve("bwf.wav"), List.of());

    WavMetadataChunks chunks = BwfChunks.read(wav).orElseThrow();

    assertThat(chunks.rf64()).isFalse();
    assertThat(chunks.bext()).isEqualTo(BEXT);
    assertThat(chunks.bext().umid()).hasSize(128);
    assertThat(chunks.ixml()).isNull();
    assertThat(chunks.info())
        .containsEntry("INAM", "Field Recording")
        .containsEntry("ISRC", "GBAYE2400017");
  }

  @Test
  void readsBextAndInfoFromRf64() throws IOException {
    Path wav = bwfFromFfmpeg(dir.resolve("rf64.wav"), List.of("-rf64", "always"));
    assertThat(new String(Files.readAllBytes(wav), 0, 4, StandardCharsets.US_ASCII))
        .isEqualTo("RF64");

    WavMetadataChunks chunks = BwfChunks.read(wav).orElseThrow();

    assertThat(chunks.rf64()).isTrue();
    assertThat(chunks.bext()).isEqualTo(BEXT);
    assertThat(chunks.info()).containsEntry("INAM", "Field Recording");
  }

  @Test
  void writerAddsChunksWordAlignedAndLeavesAudioBitExact() throws IOException {
    Path wav = TestAudio.wav(dir.resolve("plain.wav"), 44_100, 24, 2, 1.0);
    String audioBefore = decodedAudioSha256(wav);
    Map<String, byte[]> rawBefore = rawChunks(wav);
    Map<String, String> info = new LinkedHashMap<>(Map.of("INAM", "Título", "IART", "Odd"));

    BwfChunkWriter.write(wav, info, BEXT, IXML);

    WavMetadataChunks chunks = BwfChunks.read(wav).orElseThrow();
    assertThat(chunks.bext()).isEqualTo(BEXT);
    assertThat(chunks.ixml()).isEqualTo(IXML);
    assertThat(chunks.info()).isEqualTo(info);
    assertWellFormedRiff(wav);
    assertThat(rawChunks(wav).get("fmt ")).isEqualTo(rawBefore.get("fmt "));
    assertThat(rawChunks(wav).get("data")).isEqualTo(rawBefore.get("data"));
    assertThat(decodedAudioSha256(wav)).isEqualTo(audioBefore);
    // An independent reader of what we wrote: ffmpeg's bext and INFO parsers.
    Map<String, String> tags = ffprobeTags(wav);
    assertThat(tags)
        .containsEntry("title", "Título")
        .containsEntry("artist", "Odd")
        .containsEntry("encoded_by", BEXT.originator())
        .containsEntry("originator_reference", BEXT.originatorReference())
        .containsEntry("date", BEXT.originationDate())
        .containsEntry("creation_time", BEXT.originationTime())
        .containsEntry("time_reference", Long.toString(BEXT.timeReferenceSamples()))
        .containsEntry("umid", "0x" + UMID_HEX.toUpperCase())
        .containsEntry("coding_history", BEXT.codingHistory());
  }

  @Test
  void writerReplacesItsChunksKeepsTheOthersAndNullKeepsWhatIsThere() throws IOException {
    Path wav = bwfFromFfmpeg(dir.resolve("bwf.wav"), List.of());
    appendChunk(wav, "zzzz", "odd".getBytes(StandardCharsets.US_ASCII));
    String audioBefore = decodedAudioSha256(wav);
    BwfChunkWriter.write(wav, null, null, IXML);
    BroadcastExtension replaced =
        new BroadcastExtension(
            "Second", "Other", "REF-2", "2025-01-01", "00:00:01", 1L, "", "A=PCM\r\n");

    BwfChunkWriter.write(wav, Map.of("INAM", "Second title"), replaced, null);

    WavMetadataChunks chunks = BwfChunks.read(wav).orElseThrow();
    assertThat(chunks.bext()).isEqualTo(replaced);
    assertThat(chunks.ixml()).isEqualTo(IXML);
    assertThat(chunks.info()).isEqualTo(Map.of("INAM", "Second title"));
    // Replacements go before the data chunk; the kept iXML stays where the first write put it.
    assertThat(chunkIds(wav)).containsExactly("fmt ", "iXML", "bext", "LIST", "data", "zzzz");
    assertThat(rawChunks(wav).get("zzzz")).isEqualTo("odd".getBytes(StandardCharsets.US_ASCII));
    assertWellFormedRiff(wav);
    assertThat(decodedAudioSha256(wav)).isEqualTo(audioBefore);
  }

  @Test
  void writerUpdatesTheRf64SizeInDs64() throws IOException {
    Path wav = bwfFromFfmpeg(dir.resolve("rf64.wav"), List.of("-rf64", "always"));
    String audioBefore = decodedAudioSha256(wav);

    BwfChunkWriter.write(wav, Map.of("INAM", "RF64 title", "IMUS", "Composer"), null, IXML);

    WavMetadataChunks chunks = BwfChunks.read(wav).orElseThrow();
    assertThat(chunks.rf64()).isTrue();
    assertThat(chunks.bext()).isEqualTo(BEXT);
    assertThat(chunks.ixml()).isEqualTo(IXML);
    assertThat(chunks.info()).containsEntry("IMUS", "Composer");
    ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(head.getInt(4)).isEqualTo(-1);
    assertThat(new String(head.array(), 12, 4, StandardCharsets.US_ASCII)).isEqualTo("ds64");
    assertThat(head.getLong(20)).isEqualTo(Files.size(wav) - 8);
    assertThat(decodedAudioSha256(wav)).isEqualTo(audioBefore);
  }

  @Test
  void umidIsEmptyWhenZeroAndThirtyTwoBytesWhenBasic() {
    String basic = UMID_HEX.substring(0, 64);
    BroadcastExtension withBasic = new BroadcastExtension("", "", "", "", "", 0, basic, "");
    BroadcastExtension withNone = new BroadcastExtension("", "", "", "", "", 0, "", "");

    assertThat(BroadcastExtensionCodec.decode(BroadcastExtensionCodec.encode(withBasic)).umid())
        .isEqualTo(basic);
    assertThat(BroadcastExtensionCodec.decode(BroadcastExtensionCodec.encode(withNone)).umid())
        .isEmpty();
    assertThat(BroadcastExtensionCodec.decode(new byte[10]).umid()).isEmpty();
  }

  @Test
  void fixedFieldsAreCutAtACharacterBoundary() {
    BroadcastExtension longText =
        new BroadcastExtension(
            "é".repeat(300), "ö".repeat(40), "x", "2024-01-01", "12:00:00", -1L, "", "");

    BroadcastExtension decoded =
        BroadcastExtensionCodec.decode(BroadcastExtensionCodec.encode(longText));

    assertThat(decoded.description()).isEqualTo("é".repeat(128));
    assertThat(decoded.originator()).isEqualTo("ö".repeat(16));
    assertThat(decoded.timeReferenceSamples()).isEqualTo(-1L);
  }

  @Test
  void notAWaveIsEmptyAndCannotBeWritten() throws IOException {
    Path text =
        Files.writeString(dir.resolve("notes.wav"), "RIFF but not really a wave file at all");

    assertThat(BwfChunks.read(text)).isEmpty();
    assertThatThrownBy(() -> BwfChunkWriter.write(text, Map.of("INAM", "x"), null, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("notes.wav");
    assertThat(Files.readString(text)).startsWith("RIFF but");
    assertThat(dir.toFile().list()).containsExactly("notes.wav");
  }

  @Test
  void truncatedFileStillReadsAndIsNotRewritten() throws IOException {
    Path wav = bwfFromFfmpeg(dir.resolve("bwf.wav"), List.of());
    byte[] whole = Files.readAllBytes(wav);
    Path truncated = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(whole, whole.length / 2));

    assertThat(BwfChunks.read(truncated).orElseThrow().bext()).isEqualTo(BEXT);
    assertThatThrownBy(() -> BwfChunkWriter.write(truncated, null, null, IXML))
        .isInstanceOf(IOException.class);
  }

  @Test
  void hostileSizesNeitherThrowNorAllocateBySize() throws IOException {
    Path plain = TestAudio.wav(dir.resolve("plain.wav"), 8_000, 16, 1, 0.2);

    // bext claiming 4 GiB, at the end of the file
    Path hugeBext = copy(plain, "huge-bext.wav");
    appendRaw(
        hugeBext, chunkHeader("bext", 0xFFFFFFF0), "Desc".getBytes(StandardCharsets.US_ASCII));
    assertThat(BwfChunks.read(hugeBext).orElseThrow().bext().description()).isEqualTo("Desc");

    // INFO whose second entry overflows the list: the first survives
    ByteBuffer info = ByteBuffer.allocate(4 + 12 + 8).order(ByteOrder.LITTLE_ENDIAN);
    info.put("INFO".getBytes(StandardCharsets.US_ASCII))
        .put("INAM".getBytes(StandardCharsets.US_ASCII))
        .putInt(4)
        .put("Hey\0".getBytes(StandardCharsets.US_ASCII));
    info.put("IART".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MAX_VALUE);
    Path badInfo = copy(plain, "bad-info.wav");
    appendChunk(badInfo, "LIST", info.array());
    assertThat(BwfChunks.read(badInfo).orElseThrow().info()).isEqualTo(Map.of("INAM", "Hey"));

    // thousands of empty chunks
    Path manyChunks = copy(plain, "many.wav");
    byte[] empties = new byte[8 * (RiffLayout.MAX_CHUNKS + 10)];
    for (int i = 0; i < empties.length; i += 8) {
      System.arraycopy("junk".getBytes(StandardCharsets.US_ASCII), 0, empties, i, 4);
    }
    appendRaw(manyChunks, empties);
    assertThat(BwfChunks.read(manyChunks)).isPresent();

    // RF64 whose ds64 gives the data chunk a negative size, and a table of nonsense
    ByteBuffer rf64 = ByteBuffer.allocate(12 + 8 + 40 + 8).order(ByteOrder.LITTLE_ENDIAN);
    rf64.put("RF64".getBytes(StandardCharsets.US_ASCII))
        .putInt(-1)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    rf64.put("ds64".getBytes(StandardCharsets.US_ASCII))
        .putInt(40)
        .putLong(-5)
        .putLong(Long.MIN_VALUE)
        .putLong(0)
        .putInt(Integer.MAX_VALUE);
    rf64.put("bext".getBytes(StandardCharsets.US_ASCII)).putLong(Long.MAX_VALUE);
    rf64.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(-1);
    Path badRf64 = Files.write(dir.resolve("bad-rf64.wav"), rf64.array());
    assertThat(BwfChunks.read(badRf64).orElseThrow().bext()).isNull();

    // iXML over the payload limit is left out rather than cut into broken XML
    Path bigIxml = copy(plain, "big-ixml.wav");
    appendChunk(bigIxml, "iXML", new byte[BwfChunks.MAX_IXML_BYTES + 2]);
    assertThat(BwfChunks.read(bigIxml).orElseThrow().ixml()).isNull();
  }

  /** A BWF as a recorder would deliver it, written by ffmpeg (bext and INFO). */
  static Path bwfFromFfmpeg(Path out, List<String> extraArgs) throws IOException {
    Path source =
        TestAudio.wav(out.resolveSibling(out.getFileName() + ".src.wav"), 48_000, 24, 2, 1.0);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-i",
                source.toString(),
                "-c:a",
                "pcm_s24le",
                "-write_bext",
                "1",
                "-metadata",
                "description=" + BEXT.description(),
                "-metadata",
                "originator=" + BEXT.originator(),
                "-metadata",
                "originator_reference=" + BEXT.originatorReference(),
                "-metadata",
                "origination_date=" + BEXT.originationDate(),
                "-metadata",
                "origination_time=" + BEXT.originationTime(),
                "-metadata",
                "time_reference=" + BEXT.timeReferenceSamples(),
                "-metadata",
                "umid=0x" + UMID_HEX,
                "-metadata",
                "coding_history=" + BEXT.codingHistory(),
                "-metadata",
                "title=Field Recording",
                "-metadata",
                "artist=The Recordist",
                "-metadata",
                "album=Sessions",
                "-metadata",
                "genre=Ambient",
                "-metadata",
                "date=2024",
                "-metadata",
                "comment=Take three",
                "-metadata",
                "ISRC=GBAYE2400017",
                "-metadata",
                "ICMS=Stems Publishing"));
    args.addAll(extraArgs);
    ffmpeg(out, args.toArray(String[]::new));
    Files.delete(source);
    return out;
  }

  /** The whole file is chunks: word-aligned, ending exactly at the end, RIFF size = size - 8. */
  static void assertWellFormedRiff(Path wav) throws IOException {
    try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
      RiffLayout layout = RiffLayout.read(channel).orElseThrow();
      assertThat(layout.complete()).isTrue();
      assertThat(layout.chunks()).allSatisfy(c -> assertThat(c.offset() % 2).isZero());
      assertThat(layout.chunks().get(layout.chunks().size() - 1).end()).isEqualTo(channel.size());
      if (!layout.rf64()) {
        assertThat(Integer.toUnsignedLong(RiffLayout.readAt(channel, 4, 4).getInt()))
            .isEqualTo(channel.size() - 8);
      }
    }
  }

  static List<String> chunkIds(Path wav) throws IOException {
    try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
      return RiffLayout.read(channel).orElseThrow().chunks().stream().map(RiffChunk::id).toList();
    }
  }

  private static Map<String, byte[]> rawChunks(Path wav) throws IOException {
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    byte[] bytes = Files.readAllBytes(wav);
    try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
      for (RiffChunk c : RiffLayout.read(channel).orElseThrow().chunks()) {
        payloads.putIfAbsent(
            c.id(),
            Arrays.copyOfRange(
                bytes, (int) c.payloadOffset(), (int) (c.payloadOffset() + c.size())));
      }
    }
    return payloads;
  }

  /**
   * Appends a well-formed chunk by hand (not with the writer under test) and fixes the RIFF size.
   */
  static void appendChunk(Path wav, String id, byte[] payload) throws IOException {
    appendRaw(wav, chunkHeader(id, payload.length), payload, new byte[payload.length & 1]);
    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, bytes.length - 8);
    Files.write(wav, bytes);
  }

  private static void appendRaw(Path file, byte[]... parts) throws IOException {
    for (byte[] part : parts) {
      Files.write(file, part, StandardOpenOption.APPEND);
    }
  }

  private static byte[] chunkHeader(String id, int size) {
    return ByteBuffer.allocate(8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(id.getBytes(StandardCharsets.US_ASCII))
        .putInt(size)
        .array();
  }

  private Path copy(Path file, String name) throws IOException {
    return Files.copy(file, dir.resolve(name));
  }
}
