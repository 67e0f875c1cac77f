package com.audiostems.activities.metadata;

import static com.audiostems.activities.metadata.MetadataFixtures.coverJpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.ffmpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.ffprobeTags;
import static com.audiostems.activities.metadata.MetadataFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.SourceTag;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyTextInfo;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTagField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tagged sources of every family (a CD-rip FLAC, ID3v2.4 and v2.3 MP3s, an iTunes-style M4A, Ogg
 * Vorbis, a WAV with an id3 chunk), all made here with ffmpeg and jaudiotagger's raw field API, go
 * through the real read, the real tagging of real encoded outputs, and are read back: every tag is
 * kept with its values, or listed in {@code droppedTags} with a reason.
 */
class TagRoundTripTest {
  private static final String TRACK = "trk-tags";
  private static final List<OutputFormat> OUTPUTS =
      List.of(
          OutputFormat.FLAC,
          OutputFormat.MP3_320,
          OutputFormat.AAC_256,
          OutputFormat.ALAC,
          OutputFormat.WAV_24);

  private static final String LYRICS =
      "First line of the verse\nSecond line, ünïcödé\n\nChorus: la la la";

  /**
   * A CD rip as EAC/Picard tag it: 35 keys (Vorbis comment names), then its ReplayGain, which is
   * dropped on purpose.
   */
  static final Map<String, List<String>> CD_RIP = new LinkedHashMap<>();

  static {
    CD_RIP.put("TITLE", List.of("Night Train"));
    CD_RIP.put("ARTIST", List.of("The Ada Quartet feat. Babbage"));
    CD_RIP.put("ARTISTS", List.of("The Ada Quartet", "Charles Babbage"));
    CD_RIP.put("ALBUM", List.of("Engines of Difference"));
    CD_RIP.put("ALBUMARTIST", List.of("The Ada Quartet"));
    CD_RIP.put("ARTISTSORT", List.of("Ada Quartet, The feat. Babbage"));
    CD_RIP.put("ALBUMARTISTSORT", List.of("Ada Quartet, The"));
    CD_RIP.put("ALBUMSORT", List.of("Engines of Difference"));
    CD_RIP.put("TITLESORT", List.of("Night Train"));
    CD_RIP.put("COMPOSER", List.of("Charles Babbage"));
    CD_RIP.put("COMPOSERSORT", List.of("Babbage, Charles"));
    CD_RIP.put("DATE", List.of("1998-04-02"));
    CD_RIP.put("ORIGINALDATE", List.of("1997"));
    CD_RIP.put("GENRE", List.of("Jazz"));
    CD_RIP.put("TRACKNUMBER", List.of("3"));
    CD_RIP.put("TRACKTOTAL", List.of("12"));
    CD_RIP.put("DISCNUMBER", List.of("1"));
    CD_RIP.put("DISCTOTAL", List.of("2"));
    CD_RIP.put("LABEL", List.of("Difference Records"));
    CD_RIP.put("CATALOGNUMBER", List.of("DIFF-0042"));
    CD_RIP.put("BARCODE", List.of("0724384260958"));
    CD_RIP.put("ISRC", List.of("GBAYE9800001", "GBAYE9800002", "USRC17607839", "FRZ039800212"));
    CD_RIP.put("RELEASECOUNTRY", List.of("GB"));
    CD_RIP.put("MEDIA", List.of("CD"));
    CD_RIP.put("MUSICBRAINZ_TRACKID", List.of("5e0a9ad4-7b3f-4b8e-9a0f-1c2d3e4f5a6b"));
    CD_RIP.put("MUSICBRAINZ_ALBUMID", List.of("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"));
    CD_RIP.put("MUSICBRAINZ_ARTISTID", List.of("11111111-2222-4333-8444-555555555555"));
    CD_RIP.put("MUSICBRAINZ_ALBUMARTISTID", List.of("66666666-7777-4888-9999-000000000000"));
    CD_RIP.put("MUSICBRAINZ_RELEASEGROUPID", List.of("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"));
    CD_RIP.put("MUSICBRAINZ_RELEASETRACKID", List.of("12345678-90ab-4cde-8f01-234567890abc"));
    CD_RIP.put("LYRICS", List.of(LYRICS));
    CD_RIP.put("COMMENT", List.of("Ripped with EAC, secure mode"));
    CD_RIP.put("COPYRIGHT", List.of("℗ 1998 Difference Records"));
    CD_RIP.put("RIPPER_DRIVE", List.of("PLEXTOR DVDR PX-716A"));
    CD_RIP.put("SESSION_NOTES", List.of("Take 2", "Overdubs at Abbey Road"));
  }

  @TempDir Path dir;
  private LocalBlobStore store;
  private MetadataActivitiesImpl activities;
  private final JaudiotaggerOutputTagger tagger = new JaudiotaggerOutputTagger();

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalBlobStore(dir.resolve("store"));
    activities = new MetadataActivitiesImpl(store, dir.resolve("work"), tagger);
  }

  @Test
  void aCdRipFlacKeepsEveryOneOfItsTagsInFlacMp3AndM4a() throws Exception {
    assertThat(CD_RIP).hasSize(35);
    Path flac = cdRipFlac();
    TrackMetadata source = read(flac, "cd-rip.flac");

    assertThat(keysOf(source)).hasSize(35);
    assertThat(source.droppedTags())
        .extracting(DroppedTag::key)
        .contains("REPLAYGAIN_TRACK_GAIN", "REPLAYGAIN_ALBUM_PEAK");
    Map<OutputFormat, Kept> kept = roundTrip("cd-rip", flac, source);
    for (OutputFormat format :
        List.of(OutputFormat.FLAC, OutputFormat.MP3_320, OutputFormat.AAC_256)) {
      assertThat(kept.get(format).missing()).as(format.name()).isEmpty();
      assertThat(kept.get(format).keys()).as(format.name()).isEqualTo(35);
    }
    // Nothing of the 35 is dropped for any output format: WAV and ALAC keep them all too.
    assertThat(source.droppedTags())
        .allSatisfy(drop -> assertThat(drop.format()).isEqualTo(DroppedTag.ALL_FORMATS));
    kept.values().forEach(k -> assertThat(k.missing()).isEmpty());
  }

  /** What the outputs hold, checked by frame and atom names written out by hand, not our table. */
  @Test
  void theCdRipLandsInEachFormatsOwnFramesAndAtoms() throws Exception {
    Path flac = cdRipFlac();
    TrackMetadata source = read(flac, "cd-rip.flac");

    Path mp3 = encode(flac, OutputFormat.MP3_320);
    tagger.tag(mp3, OutputFormat.MP3_320, source, null);
    Tag id3 = AudioFileIO.read(mp3.toFile()).getTag();
    assertThat(id3.getFields("TRCK")).hasSize(1);
    assertThat(id3.getFields("TPOS")).hasSize(1);
    assertThat(textValues(id3, "TPE2")).containsExactly("The Ada Quartet");
    assertThat(textValues(id3, "TSO2")).containsExactly("Ada Quartet, The");
    assertThat(textValues(id3, "TSOP")).containsExactly("Ada Quartet, The feat. Babbage");
    assertThat(textValues(id3, "TPUB")).containsExactly("Difference Records");
    assertThat(textValues(id3, "TSRC"))
        .containsExactly("GBAYE9800001", "GBAYE9800002", "USRC17607839", "FRZ039800212");
    assertThat(txxx(id3, "CATALOGNUMBER")).containsExactly("DIFF-0042");
    assertThat(txxx(id3, "BARCODE")).containsExactly("0724384260958");
    assertThat(txxx(id3, "MusicBrainz Album Release Country")).containsExactly("GB");
    assertThat(txxx(id3, "MusicBrainz Album Id"))
        .containsExactly("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    assertThat(txxx(id3, "SESSION_NOTES")).containsExactly("Take 2", "Overdubs at Abbey Road");
    assertThat(id3.getFields("UFID")).hasSize(1);
    assertThat(id3.getFields("USLT")).hasSize(1);
    // ffmpeg, an independent reader, sees the same.
    Map<String, String> probed = ffprobeTags(mp3);
    assertThat(probed).containsEntry("track", "3/12").containsEntry("disc", "1/2");
    assertThat(probed).containsEntry("CATALOGNUMBER", "DIFF-0042");
    assertThat(probed).containsEntry("RIPPER_DRIVE", "PLEXTOR DVDR PX-716A");

    Path m4a = encode(flac, OutputFormat.AAC_256);
    tagger.tag(m4a, OutputFormat.AAC_256, source, null);
    Mp4Tag mp4 = (Mp4Tag) AudioFileIO.read(m4a.toFile()).getTag();
    assertThat(mp4.getFirst("trkn")).isEqualTo("3/12");
    assertThat(mp4.getFirst("disk")).isEqualTo("1/2");
    assertThat(mp4.getFirst("soaa")).isEqualTo("Ada Quartet, The");
    assertThat(mp4.getFirst("©lyr")).isEqualTo(LYRICS);
    assertThat(freeform(mp4, "ISRC"))
        .containsExactly("GBAYE9800001", "GBAYE9800002", "USRC17607839", "FRZ039800212");
    assertThat(freeform(mp4, "BARCODE")).containsExactly("0724384260958");
    assertThat(freeform(mp4, "MusicBrainz Track Id"))
        .containsExactly("5e0a9ad4-7b3f-4b8e-9a0f-1c2d3e4f5a6b");
    assertThat(freeform(mp4, "RIPPER_DRIVE")).containsExactly("PLEXTOR DVDR PX-716A");
    Map<String, String> probedM4a = ffprobeTags(m4a);
    assertThat(probedM4a)
        .containsEntry("track", "3/12")
        .containsEntry("CATALOGNUMBER", "DIFF-0042");

    Path flacOut = encode(flac, OutputFormat.FLAC);
    tagger.tag(flacOut, OutputFormat.FLAC, source, null);
    Map<String, List<String>> vorbis = vorbisComments(flacOut);
    CD_RIP.forEach((key, values) -> assertThat(vorbis.get(key)).as(key).isEqualTo(values));
    assertThat(vorbis).doesNotContainKeys("REPLAYGAIN_TRACK_GAIN", "REPLAYGAIN_ALBUM_PEAK");
  }

  /** Every family of source; counts are printed for the report. */
  @Test
  void everySourceFamilyKeepsItsTagsOrSaysWhyNot() throws Exception {
    Map<String, Path> corpus = new LinkedHashMap<>();
    corpus.put("cd-rip.flac", cdRipFlac());
    corpus.put(
        "id3v24.mp3", ffmpegTagged("id3v24.mp3", "-c:a", "libmp3lame", "-id3v2_version", "4"));
    corpus.put(
        "id3v23.mp3", ffmpegTagged("id3v23.mp3", "-c:a", "libmp3lame", "-id3v2_version", "3"));
    corpus.put("vorbis.ogg", ffmpegTagged("vorbis.ogg", "-c:a", "libvorbis"));
    corpus.put(
        "id3-chunk.wav", ffmpegTagged("id3-chunk.wav", "-c:a", "pcm_s16le", "-write_id3v2", "1"));
    corpus.put("itunes.m4a", itunesM4a());

    int totalKeys = 0;
    int totalKept = 0;
    for (Map.Entry<String, Path> entry : corpus.entrySet()) {
      TrackMetadata source = read(entry.getValue(), entry.getKey());
      assertThat(keysOf(source)).as(entry.getKey()).hasSizeGreaterThanOrEqualTo(8);
      Map<OutputFormat, Kept> kept = roundTrip(entry.getKey(), entry.getValue(), source);
      for (Map.Entry<OutputFormat, Kept> result : kept.entrySet()) {
        String container = JaudiotaggerOutputTagger.containerOf(result.getKey());
        for (String missing : result.getValue().missing()) {
          assertThat(source.droppedTags())
              .as(entry.getKey() + " -> " + result.getKey() + ": " + missing + " lost unlisted")
              .anySatisfy(
                  drop -> {
                    assertThat(drop.key()).isEqualToIgnoringCase(missing);
                    assertThat(drop.format()).isIn(container, DroppedTag.ALL_FORMATS);
                    assertThat(drop.reason()).isNotBlank();
                  });
        }
        totalKeys += result.getValue().sourceKeys();
        totalKept += result.getValue().keys();
      }
    }
    System.out.printf(
        "[tag round trip] all sources x outputs: %d of %d source keys kept (%.1f %%)%n",
        totalKept, totalKeys, 100.0 * totalKept / totalKeys);
    assertThat(totalKept).isEqualTo(totalKeys);
  }

  @Test
  void aTagBombIsCappedAndListed() throws Exception {
    Path flac =
        encode(TestAudio.wav(dir.resolve("bomb.wav"), 44_100, 16, 2, 1.0), OutputFormat.FLAC);
    AudioFile file = AudioFileIO.read(flac.toFile());
    FlacTag tag = (FlacTag) file.getTagOrCreateAndSetDefault();
    tag.setField(FieldKey.TITLE, "Bomb");
    tag.getVorbisCommentTag().addField(new VorbisCommentTagField("HUGE", "y".repeat(100_000)));
    for (int i = 0; i < 2_000; i++) {
      tag.getVorbisCommentTag().addField(new VorbisCommentTagField("JUNK" + i, "x".repeat(100)));
    }
    file.commit();

    TrackMetadata metadata = read(flac, "bomb.flac");

    assertThat(metadata.tags()).hasSizeLessThanOrEqualTo(TagBudget.MAX_TAGS);
    assertThat(
            metadata.tags().stream()
                .mapToInt(
                    t -> t.key().length() + t.values().stream().mapToInt(String::length).sum())
                .sum())
        .isLessThanOrEqualTo(TagBudget.MAX_TOTAL_CHARS);
    assertThat(metadata.droppedTags()).hasSizeLessThanOrEqualTo(TagBudget.MAX_DROPPED);
    assertThat(metadata.droppedTags())
        .anySatisfy(drop -> assertThat(drop.key()).isEqualTo("HUGE"))
        .anySatisfy(drop -> assertThat(drop.reason()).contains("more than " + TagBudget.MAX_TAGS));
    assertThat(metadata.title()).isEqualTo("Bomb");
  }

  /** How many of the source's keys, and of all its values, an output kept. */
  record Kept(int sourceKeys, int keys, int values, int sourceValues, List<String> missing) {}

  private Map<OutputFormat, Kept> roundTrip(String name, Path sourceFile, TrackMetadata source)
      throws Exception {
    Map<OutputFormat, Kept> result = new LinkedHashMap<>();
    Path cover = source.artwork() == null ? null : store.pathOf(source.artwork().key());
    for (OutputFormat format : OUTPUTS) {
      Path output = encode(sourceFile, format);
      tagger.tag(output, format, source, cover);
      TrackMetadata back = read(output, "out-" + format.fileName());
      Map<String, List<String>> out = keysOf(back);
      int keys = 0;
      int values = 0;
      int sourceValues = 0;
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, List<String>> tag : keysOf(source).entrySet()) {
        List<String> got = out.get(tag.getKey());
        sourceValues += tag.getValue().size();
        if (tag.getValue().equals(got)) {
          keys++;
        } else {
          missing.add(tag.getKey());
        }
        if (got != null) {
          values += (int) tag.getValue().stream().filter(got::contains).count();
        }
      }
      Kept kept = new Kept(keysOf(source).size(), keys, values, sourceValues, missing);
      System.out.printf(
          "[tag round trip] %-14s -> %-8s keys %2d/%2d values %2d/%2d missing %s%n",
          name, format, keys, kept.sourceKeys(), values, sourceValues, missing);
      result.put(format, kept);
    }
    return result;
  }

  /** Tags by upper-case key (Vorbis names are case-insensitive): standard and custom alike. */
  private static Map<String, List<String>> keysOf(TrackMetadata metadata) {
    Map<String, List<String>> keys = new TreeMap<>();
    for (SourceTag tag : metadata.tags()) {
      keys.put(tag.key().toUpperCase(Locale.ROOT), tag.values());
    }
    return keys;
  }

  private Path cdRipFlac() throws Exception {
    Path flac = encode(TestAudio.wav(dir.resolve("cd.wav"), 44_100, 16, 2, 1.0), OutputFormat.FLAC);
    AudioFile file = AudioFileIO.read(flac.toFile());
    FlacTag tag = (FlacTag) file.getTagOrCreateAndSetDefault();
    for (Map.Entry<String, List<String>> entry : CD_RIP.entrySet()) {
      tag.getVorbisCommentTag().deleteField(entry.getKey());
      for (String value : entry.getValue()) {
        tag.getVorbisCommentTag().addField(new VorbisCommentTagField(entry.getKey(), value));
      }
    }
    tag.getVorbisCommentTag()
        .addField(new VorbisCommentTagField("REPLAYGAIN_TRACK_GAIN", "-7.12 dB"));
    tag.getVorbisCommentTag().addField(new VorbisCommentTagField("REPLAYGAIN_ALBUM_PEAK", "0.988"));
    file.commit();
    return flac;
  }

  /** ffmpeg's own -metadata tagging: its names for standard fields, anything else as custom. */
  private Path ffmpegTagged(String name, String... codec) throws IOException {
    Path wav = TestAudio.wav(dir.resolve("src-" + name + ".wav"), 44_100, 16, 2, 1.0);
    List<String> args = new ArrayList<>(List.of("-i", wav.toString()));
    args.addAll(List.of(codec));
    for (String tag :
        List.of(
            "title=Field Notes",
            "artist=Ada Lovelace",
            "album=Engines",
            "album_artist=Various",
            "composer=Charles Babbage",
            "genre=Chamber",
            "date=1843",
            "track=7/9",
            "disc=2/3",
            "publisher=Difference Music",
            "copyright=© 1843 Ada",
            "comment=Note G",
            "ISRC=GBAYE1843001",
            "MOOD=Pensive",
            "BARCODE=5012345678900",
            "PROJECT_CODE=AS-77")) {
      args.add("-metadata");
      args.add(tag);
    }
    return ffmpeg(dir.resolve(name), args.toArray(String[]::new));
  }

  /** ffmpeg's MP4 muxer writes only iTunes' atoms, so the freeform ones come from jaudiotagger. */
  private Path itunesM4a() throws Exception {
    Path wav = TestAudio.wav(dir.resolve("src-m4a.wav"), 44_100, 16, 2, 1.0);
    Path m4a =
        ffmpeg(
            dir.resolve("itunes.m4a"),
            "-i",
            wav.toString(),
            "-c:a",
            "aac",
            "-metadata",
            "title=Harbour",
            "-metadata",
            "artist=Grace Hopper",
            "-metadata",
            "album=Compilers",
            "-metadata",
            "track=4/10");
    Path cover = coverJpeg(dir.resolve("cover.jpg"));
    AudioFile file = AudioFileIO.read(m4a.toFile());
    Mp4Tag tag = (Mp4Tag) file.getTag();
    tag.setField(FieldKey.ALBUM_ARTIST, "Navy Band");
    tag.setField(FieldKey.ARTIST_SORT, "Hopper, Grace");
    tag.setField(FieldKey.DISC_NO, "1");
    tag.setField(FieldKey.DISC_TOTAL, "1");
    tag.setField(FieldKey.ISRC, "USNVY5200001");
    tag.setField(FieldKey.MUSICBRAINZ_TRACK_ID, "9b6f3a52-0d4e-4f1a-8c3b-2e7d5a9c1f00");
    tag.setField(FieldKey.LYRICS, LYRICS);
    for (String value : List.of("A", "B")) {
      tag.addField(
          new Mp4TagReverseDnsField(
              "----:com.apple.iTunes:STEM_GROUP", "com.apple.iTunes", "STEM_GROUP", value));
    }
    tag.addField(
        new Mp4TagReverseDnsField(
            "----:com.apple.iTunes:replaygain_track_gain",
            "com.apple.iTunes",
            "replaygain_track_gain",
            "-3 dB"));
    tag.setField(
        org.jaudiotagger.tag.images.ArtworkFactory.createArtworkFromFile(
            new File(cover.toString())));
    file.commit();
    return m4a;
  }

  private Path encode(Path source, OutputFormat format) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("-i", source.toString(), "-map", "0:a:0", "-map_metadata", "-1"));
    args.addAll(
        switch (format) {
          case PREVIEW_MP3_128, MP3_320 -> List.of("-c:a", "libmp3lame", "-b:a", "320k");
          case AAC_256 -> List.of("-c:a", "aac", "-b:a", "256k");
          case FLAC, FLAC_96K -> List.of("-c:a", "flac");
          case ALAC -> List.of("-c:a", "alac");
          case WAV_24 -> List.of("-c:a", "pcm_s24le");
        });
    Path out = dir.resolve("enc-" + System.nanoTime() + "-" + format.fileName());
    return ffmpeg(out, args.toArray(String[]::new));
  }

  private TrackMetadata read(Path file, String uploadName) throws IOException {
    String key = BlobKeys.sourceKey(TRACK, uploadName);
    SourceProbe probe = probe(file);
    // the store takes the file it is given
    store.store(key, Files.copy(file, dir.resolve("upload-" + System.nanoTime())));
    return activities.readMetadata(new ReadMetadataRequest(TRACK, key, probe));
  }

  private static List<String> textValues(Tag tag, String frameId) {
    List<String> values = new ArrayList<>();
    for (TagField field : tag.getFields(frameId)) {
      if (field instanceof AbstractID3v2Frame frame
          && frame.getBody() instanceof AbstractFrameBodyTextInfo body) {
        values.addAll(body.getValues());
      }
    }
    return values;
  }

  private static List<String> txxx(Tag tag, String description) {
    List<String> values = new ArrayList<>();
    for (TagField field : tag.getFields("TXXX")) {
      if (field instanceof AbstractID3v2Frame frame
          && frame.getBody() instanceof org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX body
          && body.getDescription().equals(description)) {
        values.addAll(body.getValues());
      }
    }
    return values;
  }

  private static List<String> freeform(Mp4Tag tag, String name) {
    return tag.getFields("----:com.apple.iTunes:" + name).stream()
        .map(field -> ((Mp4TagReverseDnsField) field).getContent())
        .toList();
  }

  private static Map<String, List<String>> vorbisComments(Path flac) throws Exception {
    FlacTag tag = (FlacTag) AudioFileIO.read(flac.toFile()).getTag();
    Map<String, List<String>> comments = new LinkedHashMap<>();
    tag.getVorbisCommentTag()
        .getFields()
        .forEachRemaining(
            field ->
                comments
                    .computeIfAbsent(field.getId(), k -> new ArrayList<>())
                    .add(((VorbisCommentTagField) field).getContent()));
    return comments;
  }
}
