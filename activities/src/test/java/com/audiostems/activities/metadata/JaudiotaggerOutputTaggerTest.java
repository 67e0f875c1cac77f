package com.audiostems.activities.metadata;

import static com.audiostems.activities.metadata.MetadataFixtures.BEXT;
import static com.audiostems.activities.metadata.MetadataFixtures.IXML;
import static com.audiostems.activities.metadata.MetadataFixtures.UMID_HEX;
import static com.audiostems.activities.metadata.MetadataFixtures.attachedPictures;
import static com.audiostems.activities.metadata.MetadataFixtures.coverJpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.coverPng;
import static com.audiostems.activities.metadata.MetadataFixtures.decodedAudioSha256;
import static com.audiostems.activities.metadata.MetadataFixtures.ffmpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.ffprobeTags;
import static com.audiostems.activities.metadata.MetadataFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.BroadcastExtension;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JaudiotaggerOutputTaggerTest {
  private static final String TRACK = "trk-7";
  private static final TrackMetadata FULL =
      new TrackMetadata(
          "Nocturne – Ünïcode 東京",
          "Ada Lovelace",
          "Engines",
          "USRC17607839",
          "Charles Babbage",
          "Difference Music",
          "Chamber",
          "1843",
          "Note G",
          null,
          BEXT,
          IXML);

  /** A first, different tagging: the second must replace it, not add to it. */
  private static final TrackMetadata EARLIER =
      new TrackMetadata(
          "Old title",
          "Old artist",
          "Old album",
          "GBXXX0000001",
          "Old composer",
          "Old label",
          "Rock",
          "1999",
          "Old comment",
          null,
          new BroadcastExtension("Old", "Old", "Old", "1999-01-01", "00:00:00", 5, "", "A=PCM\r\n"),
          "<BWFXML/>");

  private final JaudiotaggerOutputTagger tagger = new JaudiotaggerOutputTagger();
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void tagsEveryFieldAndKeepsTheAudio(OutputFormat format) throws IOException {
    Path output = encode(format);
    String audioBefore = decodedAudioSha256(output);
    Path cover = coverPng(dir.resolve("cover.png"));

    tagger.tag(output, format, EARLIER, coverJpeg(dir.resolve("old.jpg")));
    tagger.tag(output, format, FULL, cover);

    // Tags never touch audio frames: the decode is identical for lossy formats too.
    assertThat(decodedAudioSha256(output)).isEqualTo(audioBefore);
    // No temporary file (ours or jaudiotagger's) is left beside the output.
    assertThat(dir.toFile().list())
        .containsExactlyInAnyOrder(format.fileName(), "cover.png", "old.jpg");

    LocalBlobStore store = new LocalBlobStore(dir.resolve("store"));
    TrackMetadata read = readBack(store, output);
    assertThat(read.title()).isEqualTo(FULL.title());
    assertThat(read.artist()).isEqualTo(FULL.artist());
    assertThat(read.album()).isEqualTo(FULL.album());
    assertThat(read.isrc()).isEqualTo(FULL.isrc());
    assertThat(read.composer()).isEqualTo(FULL.composer());
    assertThat(read.publisher()).isEqualTo(FULL.publisher());
    assertThat(read.genre()).isEqualTo(FULL.genre());
    assertThat(read.year()).isEqualTo(FULL.year());
    assertThat(read.comment()).isEqualTo(FULL.comment());

    Map<String, String> ffprobe = ffprobeTags(output);
    assertThat(ffprobe).containsAllEntriesOf(expectedFfprobeTags(format));
    if (format == OutputFormat.WAV_24) {
      // in the id3 chunk: RIFF INFO has no picture
      assertThat(read.artwork().mimeType()).isEqualTo("image/png");
      assertThat(read.bext()).isEqualTo(BEXT);
      assertThat(read.ixml()).isEqualTo(IXML);
      assertThat(BwfChunksTest.chunkIds(output)).containsOnlyOnce("bext", "iXML", "LIST");
      BwfChunksTest.assertWellFormedRiff(output);
    } else {
      assertThat(read.bext()).isNull();
      assertThat(read.ixml()).isNull();
      assertThat(read.artwork().mimeType()).isEqualTo("image/png");
      try (InputStream in = store.open(read.artwork().key())) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(cover));
      }
      assertThat(attachedPictures(output)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void nullFieldsAreNotWritten(OutputFormat format) throws IOException {
    Path output = encode(format);
    TrackMetadata partial =
        new TrackMetadata(
            "Only title",
            "Only artist",
            null,
            null,
            null,
            null,
            null,
            null,
            "  ",
            null,
            null,
            null);

    tagger.tag(output, format, partial, null);

    TrackMetadata read = readBack(new LocalBlobStore(dir.resolve("store")), output);
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("tags", "droppedTags")
        .isEqualTo(
            new TrackMetadata(
                "Only title",
                "Only artist",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(ffprobeTags(output).keySet())
        .doesNotContain(
            "album",
            "ISRC",
            "TSRC",
            "composer",
            "IMUS",
            "publisher",
            "ORGANIZATION",
            "LABEL",
            "ICMS",
            "genre",
            "date",
            "comment",
            "DESCRIPTION");
    assertThat(attachedPictures(output)).isZero();
    if (format == OutputFormat.WAV_24) {
      assertThat(BwfChunksTest.chunkIds(output)).doesNotContain("bext", "iXML");
    }
  }

  /**
   * The workflow writes BPM and key into stored outputs once the analysis is known: ID3 TBPM/TKEY,
   * MP4 tmpo and initialkey, Vorbis BPM/INITIALKEY, as ffprobe reads them; the audio and the
   * earlier tags stay; the store holds the retagged file and the activity reports its new size and
   * SHA-256. WAV has no such fields and stays byte for byte.
   */
  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void theAnalysisGoesIntoStoredOutputsTags(OutputFormat format) throws Exception {
    Path output = encode(format);
    tagger.tag(output, format, FULL, null);
    String audioBefore = decodedAudioSha256(output);
    LocalBlobStore store = new LocalBlobStore(dir.resolve("store"));
    String key = BlobKeys.outputKey(TRACK, 1, format);
    var stored = store.store(key, Files.copy(output, dir.resolve("upload.tmp")));
    EncodedOutput before =
        new EncodedOutput(format, key, "c", 1, 44_100, 0, 2, 1.0, stored.bytes(), stored.sha256());

    List<EncodedOutput> after =
        new MetadataActivitiesImpl(store, dir.resolve("work"), tagger)
            .writeAnalysisTags(new AnalysisTagsRequest(TRACK, List.of(before), 94, "F#m"));

    Path retagged = dir.resolve("retagged." + format.fileName());
    try (InputStream in = store.open(key)) {
      Files.copy(in, retagged);
    }
    assertThat(after)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.bytes()).isEqualTo(Files.size(retagged));
              assertThat(o.sha256()).isEqualTo(LocalBlobStore.sha256Of(retagged));
            });
    assertThat(decodedAudioSha256(retagged)).isEqualTo(audioBefore);
    Map<String, String> tags = ffprobeTags(retagged);
    if (format == OutputFormat.WAV_24) {
      // ID3 in an "id3 " chunk, where DJ software reads it (ffmpeg parses it but prefers RIFF INFO,
      // so
      // the tag is read back with jaudiotagger's WAV reader); the INFO, bext and iXML written
      // before stay.
      org.jaudiotagger.tag.Tag id3 =
          org.jaudiotagger.audio.AudioFileIO.read(retagged.toFile()).getTag();
      assertThat(id3.getFirst(org.jaudiotagger.tag.FieldKey.BPM)).isEqualTo("94");
      assertThat(id3.getFirst(org.jaudiotagger.tag.FieldKey.KEY)).isEqualTo("F#m");
      assertThat(tags).containsEntry("title", FULL.title());
      assertThat(BwfChunksTest.chunkIds(retagged)).containsOnlyOnce("id3 ", "bext", "iXML", "LIST");
      BwfChunksTest.assertWellFormedRiff(retagged);
      return;
    }
    assertThat(tags).containsEntry("title", FULL.title());
    switch (format) {
      case PREVIEW_MP3_128, MP3_320 ->
          assertThat(tags).containsEntry("TBPM", "94").containsEntry("TKEY", "F#m");
      case AAC_256, ALAC -> assertThat(tags).containsEntry("initialkey", "F#m");
      default -> assertThat(tags).containsEntry("BPM", "94").containsEntry("INITIALKEY", "F#m");
    }
  }

  @Test
  void emptyMetadataLeavesAWavUntouched() throws IOException {
    Path output = encode(OutputFormat.WAV_24);
    byte[] before = Files.readAllBytes(output);

    tagger.tag(output, OutputFormat.WAV_24, TrackMetadata.empty(), null);

    assertThat(Files.readAllBytes(output)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotTheFormatFailsNamingItAndStaysAsItWas() throws IOException {
    Path notFlac =
        Files.writeString(
            dir.resolve("flac.flac"), "this is not a FLAC file, just text pretending to be one");

    assertThatThrownBy(() -> tagger.tag(notFlac, OutputFormat.FLAC, FULL, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("flac.flac");
    assertThat(Files.readString(notFlac)).startsWith("this is not a FLAC");
    assertThat(dir.toFile().list()).containsExactly("flac.flac");
  }

  /** What an independent reader, ffprobe, sees of our tags, in its own key names. */
  private static Map<String, String> expectedFfprobeTags(OutputFormat format) {
    return switch (format) {
      case PREVIEW_MP3_128, MP3_320 ->
          Map.of(
              "title",
              FULL.title(),
              "artist",
              FULL.artist(),
              "album",
              FULL.album(),
              "TSRC",
              FULL.isrc(),
              "composer",
              FULL.composer(),
              "publisher",
              FULL.publisher(),
              "genre",
              FULL.genre(),
              "date",
              FULL.year(),
              "comment",
              FULL.comment());
      case AAC_256, ALAC ->
          Map.of(
              "title",
              FULL.title(),
              "artist",
              FULL.artist(),
              "album",
              FULL.album(),
              "ISRC",
              FULL.isrc(),
              "composer",
              FULL.composer(),
              "LABEL",
              FULL.publisher(),
              "genre",
              FULL.genre(),
              "date",
              FULL.year(),
              "comment",
              FULL.comment());
      case FLAC, FLAC_96K ->
          Map.of(
              "TITLE",
              FULL.title(),
              "ARTIST",
              FULL.artist(),
              "ALBUM",
              FULL.album(),
              "ISRC",
              FULL.isrc(),
              "COMPOSER",
              FULL.composer(),
              "PUBLISHER",
              FULL.publisher(),
              "ORGANIZATION",
              FULL.publisher(),
              "GENRE",
              FULL.genre(),
              "DATE",
              FULL.year(),
              "COMMENT",
              FULL.comment());
      // ffmpeg maps both bext and INFO fields to "date" and "comment"; these keys are unambiguous.
      case WAV_24 ->
          Map.of(
              "title",
              FULL.title(),
              "artist",
              FULL.artist(),
              "album",
              FULL.album(),
              "ISRC",
              FULL.isrc(),
              "IMUS",
              FULL.composer(),
              "ICMS",
              FULL.publisher(),
              "genre",
              FULL.genre(),
              "originator_reference",
              BEXT.originatorReference(),
              "umid",
              "0x" + UMID_HEX.toUpperCase(),
              "coding_history",
              BEXT.codingHistory());
    };
  }

  /** The output as an encode lane makes it, with ffmpeg's own tags (encoder, a title) in it. */
  private Path encode(OutputFormat format) throws IOException {
    boolean hiRes = format == OutputFormat.FLAC_96K;
    Path source =
        TestAudio.wav(dir.resolve("source.wav"), hiRes ? 96_000 : 44_100, hiRes ? 24 : 16, 2, 1.0);
    List<String> args =
        new ArrayList<>(List.of("-i", source.toString(), "-metadata", "title=Encoder title"));
    args.addAll(
        switch (format) {
          case PREVIEW_MP3_128 -> List.of("-c:a", "libmp3lame", "-b:a", "128k");
          case MP3_320 -> List.of("-c:a", "libmp3lame", "-b:a", "320k");
          case AAC_256 -> List.of("-c:a", "aac", "-b:a", "256k");
          case FLAC -> List.of("-c:a", "flac", "-compression_level", "8");
          case ALAC -> List.of("-c:a", "alac");
          case WAV_24 -> List.of("-c:a", "pcm_s24le");
          case FLAC_96K -> List.of("-c:a", "flac", "-sample_fmt", "s32", "-ar", "96000");
        });
    Path output = ffmpeg(dir.resolve(format.fileName()), args.toArray(String[]::new));
    Files.delete(source);
    return output;
  }

  private TrackMetadata readBack(LocalBlobStore store, Path output) throws IOException {
    String key = BlobKeys.sourceKey(TRACK, output.getFileName().toString());
    Path upload =
        Files.copy(output, dir.resolve("store-upload.tmp"), StandardCopyOption.REPLACE_EXISTING);
    store.store(key, upload);
    return new MetadataActivitiesImpl(store, dir.resolve("work"), new JaudiotaggerOutputTagger())
        .readMetadata(new ReadMetadataRequest(TRACK, key, probe(output)));
  }
}
