package com.audiostems.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.testing.PublishedTracks;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkReader;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Licensees' marked copies of real published tracks on a local store: a 44.1 kHz/16-bit track with
 * every output but the 96 kHz FLAC, and a 96 kHz/24-bit track with that one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryActivitiesImplTest {
  static final String LICENCE = "5eed0000000000000000000000c0de";
  static final String HIRES_LICENCE = "5eed0000000000000000000000f00d";
  static final String LICENSEE = "Acme Films Ltd";
  static final WatermarkKeyring KEYS =
      WatermarkKeyring.of(
          List.of(
              new WatermarkKeyring.KeyEntry(
                  "k1",
                  Base64.getEncoder()
                      .encodeToString("delivery test key, 32 bytes!!!!!".getBytes()))),
          "k1",
          "test.keys");
  static final Set<OutputFormat> CD_FORMATS =
      EnumSet.of(
          OutputFormat.MP3_320,
          OutputFormat.AAC_256,
          OutputFormat.FLAC,
          OutputFormat.ALAC,
          OutputFormat.WAV_24,
          OutputFormat.FLAC_96K);

  @TempDir static Path temp;
  LocalBlobStore store;
  MediaProcessRunner runner;
  DeliveryActivitiesImpl delivery;

  @BeforeAll
  void publishTracks() throws IOException {
    store = new LocalBlobStore(temp.resolve("store"));
    runner = new MediaProcessRunner(MediaSettings.defaults(temp.resolve("work")));
    delivery = new DeliveryActivitiesImpl(runner, store, new JaudiotaggerOutputTagger(), KEYS);
    TrackMetadata tags =
        new TrackMetadata(
            "Night Drive",
            "The Testers",
            null,
            null,
            null,
            null,
            null,
            "2026",
            "mixed at home",
            null,
            null,
            null);
    Path cd = MarkableAudio.wav(temp.resolve("cd.wav"), 44_100, 2, 12);
    PublishedTracks.publish(store, runner, "cd-track", cd, CD_FORMATS, tags);
    Path hires =
        TestAudio.writeWav(
            temp.resolve("hires.wav"), MarkableAudio.samples(96_000, 2, 12), 96_000, 24, 2);
    PublishedTracks.publish(
        store, runner, "hires-track", hires, EnumSet.of(OutputFormat.FLAC_96K), tags);
  }

  /** One licence per track: the cd track's under LICENCE, the hires track's under HIRES_LICENCE. */
  static String licenceOf(String trackId) {
    return trackId.equals("hires-track") ? HIRES_LICENCE : LICENCE;
  }

  static String trackOf(OutputFormat format) {
    return format == OutputFormat.FLAC_96K ? "hires-track" : "cd-track";
  }

  MarkedCopy make(String trackId, OutputFormat format) {
    return delivery.make(
        new MarkedCopyRequest(licenceOf(trackId), trackId, LICENSEE, format), f -> {});
  }

  @Test
  void everyFormatIsMarkedWithTheLicenceTaggedWithItAndMadeOnce() throws Exception {
    List<MarkedCopy> copies = new java.util.ArrayList<>();
    for (OutputFormat format :
        List.of(
            OutputFormat.MP3_320,
            OutputFormat.AAC_256,
            OutputFormat.FLAC,
            OutputFormat.ALAC,
            OutputFormat.WAV_24)) {
      copies.add(make("cd-track", format));
    }
    copies.add(make("hires-track", OutputFormat.FLAC_96K));

    // The reader the detect activity and `audiostems watermark detect` use.
    WatermarkReader watermark = new WatermarkReader(runner, KEYS, new WatermarkRegistry(store));
    for (MarkedCopy copy : copies) {
      String what = copy.format().toString();
      assertThat(copy.reused()).as(what).isFalse();
      String licence = licenceOf(trackOf(copy.format()));
      String payload = LicencePayloads.forLicence(licence);
      assertThat(copy.key()).isEqualTo(DeliveryKeys.copyKey(licence, copy.format()));
      assertThat(copy.payloadId()).isEqualTo(payload);
      assertThat(copy.keyId()).isEqualTo("k1");
      Path file = store.pathOf(copy.key());
      assertThat(sha256(Files.newInputStream(file))).as(what).isEqualTo(copy.sha256());
      assertThat(Files.size(file)).isEqualTo(copy.bytes());

      WatermarkDetection found = watermark.read(file, f -> {});
      assertThat(found.found()).as("mark in the " + what + " copy").isTrue();
      assertThat(found.payloadId()).isEqualTo(payload);
      assertThat(found.kind()).isEqualTo("licence");
      assertThat(found.licenceId()).isEqualTo(licence);
      assertThat(found.licensee()).isEqualTo(LICENSEE);
      assertThat(found.trackId()).isEqualTo(trackOf(copy.format()));

      assertThat(ffprobeTags(file))
          .as(what + " tags")
          .contains("AudioStems licence " + licence)
          .contains("Night Drive");
    }

    // The copies play like the published outputs: same rate, depth and channels, same codec.
    for (MarkedCopy copy : copies) {
      String trackId = trackOf(copy.format());
      Path published = store.pathOf(BlobKeys.outputKey(trackId, 1, copy.format()));
      assertThat(streamFacts(store.pathOf(copy.key())))
          .as(copy.format().toString())
          .isEqualTo(streamFacts(published));
    }

    // Lossless copies hold exactly the marked samples they were made of, which are not the
    // master's.
    for (MarkedCopy copy : copies) {
      if (!copy.format().lossless()) {
        continue;
      }
      DeliveredCopyRecord record = record(licenceOf(trackOf(copy.format())), copy.format());
      assertThat(record.samples()).isEqualTo("marked");
      assertThat(decodedSha256(store.pathOf(copy.key())))
          .as(copy.format() + " decodes to the marked samples")
          .isEqualTo(record.markedPcmSha256());
      String trackId = trackOf(copy.format());
      assertThat(decodedSha256(store.pathOf(BlobKeys.outputKey(trackId, 1, copy.format()))))
          .as("the published " + copy.format() + " holds the master's samples, not the marked ones")
          .isNotEqualTo(record.markedPcmSha256());
    }

    // Asked again, each copy is found, not encoded again: a runner with no ffmpeg could not make
    // it.
    MediaSettings noFfmpeg =
        new MediaSettings(
            "/nonexistent/ffmpeg",
            "/nonexistent/ffprobe",
            temp.resolve("work2"),
            1 << 30,
            3600,
            java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(5),
            1 << 30);
    DeliveryActivitiesImpl again =
        new DeliveryActivitiesImpl(
            new MediaProcessRunner(noFfmpeg), store, new JaudiotaggerOutputTagger(), KEYS);
    for (MarkedCopy copy : copies) {
      String trackId = trackOf(copy.format());
      MarkedCopy second =
          again.make(
              new MarkedCopyRequest(licenceOf(trackId), trackId, LICENSEE, copy.format()), f -> {});
      assertThat(second.reused()).isTrue();
      assertThat(second.sha256()).isEqualTo(copy.sha256());
      assertThat(sha256(Files.newInputStream(store.pathOf(copy.key())))).isEqualTo(copy.sha256());
    }
  }

  @Test
  void aFormatTheTrackLacksOrATrackNeverPublishedIsATypedRefusalThatLeavesNothing()
      throws IOException {
    String other =
        "0ther000000000000000000000000f".replace('t', '0').replace('h', '0').replace('r', '0');
    assertThatThrownBy(
            () ->
                delivery.make(
                    new MarkedCopyRequest(other, "cd-track", LICENSEE, OutputFormat.FLAC_96K),
                    f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(LicenceFailures.FORMAT_NOT_AVAILABLE);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("88.2 kHz");
            });
    assertThatThrownBy(
            () ->
                delivery.make(
                    new MarkedCopyRequest(other, "never-published", LICENSEE, OutputFormat.FLAC),
                    f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(LicenceFailures.UNKNOWN_TRACK));
    assertThat(store.list(DeliveryKeys.licencePrefix(other))).isEmpty();

    // A licence covers one track: a cd-track licence cannot deliver the hires track.
    String cdOnly = "00000000000000000000000000000e";
    delivery.make(
        new MarkedCopyRequest(cdOnly, "cd-track", LICENSEE, OutputFormat.MP3_320), f -> {});
    assertThatThrownBy(
            () ->
                delivery.make(
                    new MarkedCopyRequest(cdOnly, "hires-track", LICENSEE, OutputFormat.FLAC_96K),
                    f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getOriginalMessage()).contains("covers track cd-track"));
    assertThat(store.exists(DeliveryKeys.copyKey(cdOnly, OutputFormat.FLAC_96K))).isFalse();
  }

  DeliveredCopyRecord record(String licenceId, OutputFormat format) throws IOException {
    try (InputStream in = store.open(DeliveryKeys.recordKey(licenceId, format))) {
      return MarkedCopyMaker.JSON.readValue(in, DeliveredCopyRecord.class);
    }
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
            "json",
            file.toString()));
  }

  static String streamFacts(Path file) throws IOException {
    return TestAudio.run(
        List.of(
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "a:0",
            "-show_entries",
            "stream=codec_name,sample_rate,channels,bits_per_raw_sample,sample_fmt",
            "-of",
            "compact",
            file.toString()));
  }

  /** SHA-256 of the first audio stream decoded by the system ffmpeg to interleaved s32le. */
  static String decodedSha256(Path file) throws IOException {
    Process ffmpeg =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
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
    return sha256(ffmpeg.getInputStream());
  }

  static String sha256(InputStream stream) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(stream, digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
