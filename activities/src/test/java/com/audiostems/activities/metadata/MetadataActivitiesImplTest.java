package com.audiostems.activities.metadata;

import static com.audiostems.activities.metadata.MetadataFixtures.BEXT;
import static com.audiostems.activities.metadata.MetadataFixtures.IXML;
import static com.audiostems.activities.metadata.MetadataFixtures.coverJpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.coverPng;
import static com.audiostems.activities.metadata.MetadataFixtures.ffmpeg;
import static com.audiostems.activities.metadata.MetadataFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.ArtworkRef;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MetadataActivitiesImplTest {
  private static final String TRACK = "trk-42";

  /** The tags the lossy/FLAC sources carry, written by ffmpeg (not by our tagger). */
  private static final List<String> FFMPEG_TAGS =
      List.of(
          "-metadata", "title=Nocturne – Ünïcode 東京",
          "-metadata", "artist=Ada Lovelace",
          "-metadata", "album=Engines",
          "-metadata", "ISRC=USRC17607839",
          "-metadata", "composer=Charles Babbage",
          "-metadata", "publisher=Difference Music",
          "-metadata", "genre=Chamber",
          "-metadata", "date=1843",
          "-metadata", "comment=Note G");

  @TempDir Path dir;
  private LocalBlobStore store;
  private MetadataActivitiesImpl activities;
  private Path wav;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalBlobStore(dir.resolve("store"));
    activities =
        new MetadataActivitiesImpl(store, dir.resolve("work"), new JaudiotaggerOutputTagger());
    wav = TestAudio.wav(dir.resolve("in.wav"), 44_100, 16, 2, 1.0);
  }

  @Test
  void readsBwfBextIxmlAndInfo() throws IOException {
    Path bwf = BwfChunksTest.bwfFromFfmpeg(dir.resolve("bwf.wav"), List.of());
    // ffmpeg writes no IMUS, nor iXML at all: those two come from our writer.
    Map<String, String> info = new LinkedHashMap<>(BwfChunks.read(bwf).orElseThrow().info());
    info.put("IMUS", "Composer Of Record");
    BwfChunkWriter.write(bwf, info, null, IXML);

    TrackMetadata metadata = read(bwf, "bwf.wav");

    assertThat(metadata)
        .usingRecursiveComparison()
        .ignoringFields("tags", "droppedTags")
        .isEqualTo(
            new TrackMetadata(
                "Field Recording",
                "The Recordist",
                "Sessions",
                "GBAYE2400017",
                "Composer Of Record",
                "Stems Publishing",
                "Ambient",
                "2024",
                "Take three",
                null,
                BEXT,
                IXML));
  }

  @Test
  void readsRf64ThatJaudiotaggerCannot() throws IOException {
    Path rf64 = BwfChunksTest.bwfFromFfmpeg(dir.resolve("rf64.wav"), List.of("-rf64", "always"));

    TrackMetadata metadata = read(rf64, "rf64.wav");

    assertThat(metadata.title()).isEqualTo("Field Recording");
    assertThat(metadata.isrc()).isEqualTo("GBAYE2400017");
    assertThat(metadata.publisher()).isEqualTo("Stems Publishing");
    assertThat(metadata.bext()).isEqualTo(BEXT);
  }

  @Test
  void readsId3v24FromMp3AndStoresTheCover() throws IOException {
    Path cover = coverPng(dir.resolve("cover.png"));
    Path mp3 =
        withCover("tagged.mp3", cover, "-c:a", "libmp3lame", "-b:a", "128k", "-id3v2_version", "4");

    TrackMetadata metadata = read(mp3, "Tagged.MP3");

    assertAllFfmpegTags(metadata);
    assertStoredCover(metadata.artwork(), cover, "png", "image/png");
    assertThat(metadata.bext()).isNull();
    assertThat(metadata.ixml()).isNull();
  }

  @Test
  void readsId3v23Too() throws IOException {
    Path mp3 =
        ffmpeg(
            dir.resolve("v23.mp3"),
            args(
                List.of("-i", wav.toString(), "-c:a", "libmp3lame", "-id3v2_version", "3"),
                FFMPEG_TAGS));

    assertAllFfmpegTags(read(mp3, "v23.mp3"));
  }

  @Test
  void readsVorbisCommentsAndPictureFromFlac() throws IOException {
    Path cover = coverJpeg(dir.resolve("cover.jpg"));
    Path flac = withCover("tagged.flac", cover, "-c:a", "flac");

    TrackMetadata metadata = read(flac, "tagged.flac");

    assertAllFfmpegTags(metadata);
    assertStoredCover(metadata.artwork(), cover, "jpg", "image/jpeg");
  }

  @Test
  void readsMp4AtomsAndCoverFromM4a() throws IOException {
    Path cover = coverPng(dir.resolve("cover.png"));
    Path m4a = withCover("tagged.m4a", cover, "-c:a", "aac", "-b:a", "128k");

    TrackMetadata metadata = read(m4a, "tagged.m4a");

    // ffmpeg's MP4 muxer has no atom for ISRC or publisher; the tagger round trip covers those.
    assertThat(metadata.title()).isEqualTo("Nocturne – Ünïcode 東京");
    assertThat(metadata.artist()).isEqualTo("Ada Lovelace");
    assertThat(metadata.album()).isEqualTo("Engines");
    assertThat(metadata.composer()).isEqualTo("Charles Babbage");
    assertThat(metadata.genre()).isEqualTo("Chamber");
    assertThat(metadata.year()).isEqualTo("1843");
    assertThat(metadata.comment()).isEqualTo("Note G");
    assertStoredCover(metadata.artwork(), cover, "png", "image/png");
  }

  @Test
  void readsByContentNotByName() throws IOException {
    Path flac =
        ffmpeg(
            dir.resolve("actually.flac"),
            args(List.of("-i", wav.toString(), "-c:a", "flac"), FFMPEG_TAGS));

    TrackMetadata metadata = read(flac, "upload-without-extension");

    assertThat(metadata.title()).isEqualTo("Nocturne – Ünïcode 東京");
  }

  @Test
  void untaggedSourcesGiveEmptyMetadata() throws IOException {
    Path flac = ffmpeg(dir.resolve("plain.flac"), "-i", wav.toString(), "-c:a", "flac");
    Path mp3 = ffmpeg(dir.resolve("plain.mp3"), "-i", wav.toString(), "-c:a", "libmp3lame");

    for (TrackMetadata metadata :
        List.of(read(wav, "plain.wav"), read(flac, "plain.flac"), read(mp3, "plain.mp3"))) {
      // ffmpeg's encoder tag is all they hold, and it is dropped on purpose.
      assertThat(metadata)
          .usingRecursiveComparison()
          .ignoringFields("droppedTags")
          .isEqualTo(TrackMetadata.empty());
      assertThat(metadata.droppedTags())
          .allSatisfy(
              drop -> assertThat(drop.reason()).isEqualTo(SourceTagCollector.ENCODER_REASON));
    }
  }

  @Test
  void formatsJaudiotaggerDoesNotReadGiveNullsNotFailures() throws IOException {
    List<String> title = List.of("-metadata", "title=Somewhere");
    Path opus =
        ffmpeg(
            dir.resolve("a.opus"), args(List.of("-i", wav.toString(), "-c:a", "libopus"), title));
    Path avi =
        ffmpeg(
            dir.resolve("a.avi"), args(List.of("-i", wav.toString(), "-c:a", "pcm_s16le"), title));
    Path w64 =
        ffmpeg(
            dir.resolve("a.w64"), args(List.of("-i", wav.toString(), "-c:a", "pcm_s16le"), title));
    Path wma =
        ffmpeg(dir.resolve("a.wma"), args(List.of("-i", wav.toString(), "-c:a", "wmav2"), title));

    for (Path file : List.of(opus, avi, w64, dsf(dir.resolve("a.dsf")))) {
      TrackMetadata metadata = read(file, file.getFileName().toString());
      assertThat(metadata.artwork()).isNull();
      assertThat(metadata.bext()).isNull();
    }
    // jaudiotagger does read ASF.
    assertThat(read(wma, "a.wma").title()).isEqualTo("Somewhere");
  }

  @Test
  @Timeout(60)
  void corruptedTagsNeverFailTheRead() throws IOException {
    Path cover = coverPng(dir.resolve("cover.png"));
    List<Path> tagged =
        List.of(
            withCover("t.mp3", cover, "-c:a", "libmp3lame", "-id3v2_version", "4"),
            withCover("t.flac", cover, "-c:a", "flac"),
            withCover("t.m4a", cover, "-c:a", "aac"),
            BwfChunksTest.bwfFromFfmpeg(dir.resolve("t.wav"), List.of()));
    Random random = new Random(20240315);
    for (Path file : tagged) {
      byte[] original = Files.readAllBytes(file);
      String extension = file.getFileName().toString().substring(2);
      SourceProbe probe = probe(file);
      for (int variant = 0; variant < 12; variant++) {
        byte[] corrupt = original.clone();
        // Damage the tag region: sizes, counts, frame headers.
        int region = Math.min(corrupt.length, 4096);
        for (int i = 0; i < 24; i++) {
          corrupt[random.nextInt(region)] = (byte) random.nextInt(256);
        }
        Path damaged = Files.write(dir.resolve("damaged-" + variant + "." + extension), corrupt);
        readWithProbe(damaged, "damaged." + extension, probe);
      }
      for (int cut : new int[] {10, 64, 700, original.length / 2}) {
        Path truncated =
            Files.write(
                dir.resolve("cut-" + cut + "." + extension),
                Arrays.copyOf(original, Math.min(cut, original.length)));
        readWithProbe(truncated, "cut." + extension, probe);
      }
    }
  }

  @Test
  void craftedHeadersNeverFailTheRead() throws IOException {
    // ID3v2.4 header claiming a 256 MB tag whose first frame claims 2 GB.
    ByteBuffer id3 = ByteBuffer.allocate(64);
    id3.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 4).put((byte) 0).put((byte) 0);
    id3.put(new byte[] {0x7F, 0x7F, 0x7F, 0x7F})
        .put("TIT2".getBytes(StandardCharsets.US_ASCII))
        .put(new byte[] {0x7F, 0x7F, 0x7F, 0x7F, 0, 0});
    // FLAC whose VORBIS_COMMENT block claims a vendor string of 4 GB.
    ByteBuffer flac = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    flac.put("fLaC".getBytes(StandardCharsets.US_ASCII))
        .put(new byte[] {(byte) 0x84, 0x00, 0x00, 0x20})
        .putInt(-1)
        .putInt(-1);
    // MP4 whose moov atom claims more than the file.
    ByteBuffer mp4 = ByteBuffer.allocate(64);
    mp4.putInt(20)
        .put("ftypM4A ".getBytes(StandardCharsets.US_ASCII))
        .putInt(0)
        .put("M4A ".getBytes(StandardCharsets.US_ASCII));
    mp4.putInt(Integer.MAX_VALUE)
        .put("moov".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .put("udta".getBytes(StandardCharsets.US_ASCII));
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);

    Map<String, byte[]> files =
        Map.of(
            "id3.mp3",
            id3.array(),
            "flac.flac",
            flac.array(),
            "mp4.m4a",
            mp4.array(),
            "noise.mp3",
            noise);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = Files.write(dir.resolve(file.getKey()), file.getValue());
      // Without a probe the reader goes by the name, so it meets each parser.
      assertThat(readWithProbe(path, file.getKey(), null)).isEqualTo(TrackMetadata.empty());
    }
  }

  @Test
  void missingSourceIsANonRetryableFailure() {
    ReadMetadataRequest request =
        new ReadMetadataRequest(TRACK, BlobKeys.sourceKey(TRACK, "gone.wav"), null);

    assertThatThrownBy(() -> activities.readMetadata(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(TrackFailures.SOURCE_MISSING);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("uploads/trk-42/source.wav");
            });
  }

  @Test
  void unsafeTrackIdIsRefused() {
    ReadMetadataRequest request = new ReadMetadataRequest("../etc", "uploads/x/source.wav", null);

    assertThatThrownBy(() -> activities.readMetadata(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY));
  }

  private static void assertAllFfmpegTags(TrackMetadata metadata) {
    assertThat(metadata.title()).isEqualTo("Nocturne – Ünïcode 東京");
    assertThat(metadata.artist()).isEqualTo("Ada Lovelace");
    assertThat(metadata.album()).isEqualTo("Engines");
    assertThat(metadata.isrc()).isEqualTo("USRC17607839");
    assertThat(metadata.composer()).isEqualTo("Charles Babbage");
    assertThat(metadata.publisher()).isEqualTo("Difference Music");
    assertThat(metadata.genre()).isEqualTo("Chamber");
    assertThat(metadata.year()).isEqualTo("1843");
    assertThat(metadata.comment()).isEqualTo("Note G");
  }

  private void assertStoredCover(ArtworkRef artwork, Path cover, String extension, String mimeType)
      throws IOException {
    assertThat(artwork).isNotNull();
    assertThat(artwork.key()).isEqualTo(BlobKeys.artworkKey(TRACK, extension));
    assertThat(artwork.mimeType()).isEqualTo(mimeType);
    assertThat(artwork.bytes()).isEqualTo(Files.size(cover));
    try (InputStream in = store.open(artwork.key())) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(cover));
    }
  }

  private Path withCover(String name, Path cover, String... codecArgs) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-i",
                wav.toString(),
                "-i",
                cover.toString(),
                "-map",
                "0:a",
                "-map",
                "1",
                "-c:v",
                "copy",
                "-disposition:v",
                "attached_pic"));
    args.addAll(List.of(codecArgs));
    return ffmpeg(dir.resolve(name), args(args, FFMPEG_TAGS));
  }

  private static String[] args(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all.toArray(String[]::new);
  }

  private TrackMetadata read(Path file, String uploadName) throws IOException {
    return readWithProbe(file, uploadName, probe(file));
  }

  /**
   * Uploads a copy of the file under the track's source key and reads it through the activity,
   * checking that reading left the stored source as it was (the local store lends its own file).
   */
  private TrackMetadata readWithProbe(Path file, String uploadName, SourceProbe probe)
      throws IOException {
    String key = BlobKeys.sourceKey(TRACK, uploadName);
    Path upload = Files.copy(file, dir.resolve("upload.tmp"), StandardCopyOption.REPLACE_EXISTING);
    String sha256 = store.store(key, upload).sha256();

    TrackMetadata metadata = activities.readMetadata(new ReadMetadataRequest(TRACK, key, probe));

    assertThat(LocalBlobStore.sha256Of(store.pathOf(key))).isEqualTo(sha256);
    return metadata;
  }

  /**
   * A minimal DSF (Sony DSD Stream File) written by hand, as ffmpeg can read but not write them:
   * DSD chunk, fmt chunk (2.8224 MHz, 1 bit, stereo), one 4096-byte block per channel of silence.
   */
  private static Path dsf(Path file) throws IOException {
    int blockPerChannel = 4096;
    int channels = 2;
    long dataBytes = (long) blockPerChannel * channels;
    ByteBuffer dsf =
        ByteBuffer.allocate((int) (28 + 52 + 12 + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
    dsf.put("DSD ".getBytes(StandardCharsets.US_ASCII))
        .putLong(28)
        .putLong(dsf.capacity())
        .putLong(0);
    dsf.put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putLong(52)
        .putInt(1)
        .putInt(0)
        .putInt(2)
        .putInt(channels);
    dsf.putInt(2_822_400).putInt(1).putLong(blockPerChannel * 8L).putInt(blockPerChannel).putInt(0);
    dsf.put("data".getBytes(StandardCharsets.US_ASCII)).putLong(12 + dataBytes);
    while (dsf.hasRemaining()) {
      dsf.put((byte) 0x69); // DSD silence pattern
    }
    return Files.write(file, dsf.array());
  }
}
