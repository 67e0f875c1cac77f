package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.testing.DsdFiles;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidatedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every accepted input probes with the right facts, decodes cleanly and gets its tier. */
class SourceInspectorFormatsTest {
  private static final String MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2";

  @TempDir Path tempDir;
  private SourceInspectorHarness harness;

  @BeforeEach
  void setUp() throws IOException {
    harness = new SourceInspectorHarness(tempDir);
  }

  @Test
  void wav24Bit48kStereoIsStandard() throws IOException {
    Path wav = harness.wav("studio.wav", 48_000, 24, 2, 2.0);
    long size = Files.size(wav);

    ValidatedSource source = harness.probeAndValidate(wav);

    SourceProbe probe = source.probe();
    assertThat(probe.container()).isEqualTo("wav");
    assertThat(probe.codec()).isEqualTo("pcm_s24le");
    assertThat(probe.audioStreamIndex()).isZero();
    assertThat(probe.sampleRateHz()).isEqualTo(48_000);
    assertThat(probe.bitDepth()).isEqualTo(24);
    assertThat(probe.sampleFormat()).isEqualTo("s32");
    assertThat(probe.channels()).isEqualTo(2);
    assertThat(probe.channelLayout()).as("a plain PCM WAV has no channel mask").isEmpty();
    assertThat(probe.durationSeconds()).isCloseTo(2.0, within(1e-6));
    assertThat(probe.bitRateBps()).isEqualTo(48_000L * 24 * 2);
    assertThat(probe.sizeBytes()).isEqualTo(size);
    assertThat(probe.lossless()).isTrue();
    assertThat(probe.dsd()).isFalse();
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void wav16Bit44kIsStandard() throws IOException {
    ValidatedSource source = harness.probeAndValidate(harness.wav("cd.wav", 44_100, 16, 2, 2.0));

    assertFacts(source.probe(), "wav", "pcm_s16le", 0, 44_100, 16, true);
    assertThat(source.probe().sampleFormat()).isEqualTo("s16");
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void wav24Bit96kIsHigh() throws IOException {
    ValidatedSource source = harness.probeAndValidate(harness.wav("hires.wav", 96_000, 24, 2, 1.0));

    assertFacts(source.probe(), "wav", "pcm_s24le", 0, 96_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.HIGH);
  }

  @Test
  void wav24Bit192kIsProfessional() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(harness.wav("master.wav", 192_000, 24, 2, 1.0));

    assertFacts(source.probe(), "wav", "pcm_s24le", 0, 192_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.PROFESSIONAL);
    assertThat(source.decodedDurationSeconds()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void floatWavCountsAsAtLeast24Bit() throws IOException {
    Path wav = harness.wav("float.src.wav", 96_000, 24, 2, 1.0);
    Path floatWav =
        TestAudio.convert(wav, harness.inputs.resolve("float.wav"), "-c:a", "pcm_f32le");

    ValidatedSource source = harness.probeAndValidate(floatWav);

    assertFacts(source.probe(), "wav", "pcm_f32le", 0, 96_000, 32, true);
    assertThat(source.probe().sampleFormat()).isEqualTo("flt");
    assertThat(source.tier()).isEqualTo(QualityTier.HIGH);
  }

  @Test
  void flacTakesItsBitDepthFromTheStream() throws IOException {
    Path wav = harness.wav("hires.src.wav", 96_000, 24, 2, 1.0);
    Path flac = TestAudio.convert(wav, harness.inputs.resolve("hires.flac"), "-c:a", "flac");

    ValidatedSource source = harness.probeAndValidate(flac);

    // FLAC decodes 24-bit samples to 32-bit integers; the real depth is bits_per_raw_sample.
    assertFacts(source.probe(), "flac", "flac", 0, 96_000, 24, true);
    assertThat(source.probe().sampleFormat()).isEqualTo("s32");
    assertThat(source.probe().channelLayout()).isEqualTo("stereo");
    assertThat(source.tier()).isEqualTo(QualityTier.HIGH);
    assertThat(source.decodedDurationSeconds()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void aiffIsStandard() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(harness.converted("track.aiff", 2.0, "-c:a", "pcm_s24be"));

    assertFacts(source.probe(), "aiff", "pcm_s24be", 0, 48_000, 24, true);
    assertThat(source.probe().channelLayout()).as("AIFF stores no channel layout").isEmpty();
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
  }

  @Test
  void alacInM4aIsStandard() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(harness.converted("track.m4a", 2.0, "-c:a", "alac"));

    assertFacts(source.probe(), MP4_FAMILY, "alac", 0, 48_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void taggedMp3At320kIsStandard() throws IOException {
    Path mp3 =
        harness.converted(
            "track.mp3",
            2.0,
            "-ar",
            "44100",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "320k",
            "-metadata",
            "title=Test Title",
            "-metadata",
            "artist=Test Artist",
            "-id3v2_version",
            "3");

    ValidatedSource source = harness.probeAndValidate(mp3);

    assertFacts(source.probe(), "mp3", "mp3", 0, 44_100, 0, false);
    assertThat(source.probe().bitRateBps()).isEqualTo(320_000);
    // The specification's STANDARD is 320 kbps lossy (issue 15: one tier definition).
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(0.05));
  }

  @Test
  void aacInM4aIsMinimum() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(
            harness.converted("track.m4a", 2.0, "-c:a", "aac", "-b:a", "256k"));

    assertFacts(source.probe(), MP4_FAMILY, "aac", 0, 48_000, 0, false);
    assertThat(source.probe().bitRateBps()).isGreaterThanOrEqualTo(128_000);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void oggVorbisIsMinimum() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(
            harness.converted("track.ogg", 2.0, "-c:a", "libvorbis", "-b:a", "192k"));

    assertFacts(source.probe(), "ogg", "vorbis", 0, 48_000, 0, false);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void opusFallsBackToTheContainersBitRate() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(
            harness.converted("track.opus", 2.0, "-c:a", "libopus", "-b:a", "192k"));

    // ffprobe gives no bit rate for an Opus stream; the Ogg container's overall one stands in.
    assertFacts(source.probe(), "ogg", "opus", 0, 48_000, 0, false);
    assertThat(source.probe().bitRateBps()).isGreaterThanOrEqualTo(128_000);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void wmaIsMinimum() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(
            harness.converted("track.wma", 2.0, "-c:a", "wmav2", "-b:a", "192k"));

    assertFacts(source.probe(), "asf", "wmav2", 0, 48_000, 0, false);
    assertThat(source.probe().bitRateBps()).isEqualTo(192_000);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void broadcastWaveWithBextIsAccepted() throws IOException {
    Path bwf =
        harness.converted(
            "bwf.wav",
            2.0,
            "-c:a",
            "pcm_s24le",
            "-write_bext",
            "1",
            "-metadata",
            "description=Test take",
            "-metadata",
            "originator=AudioStems");
    assertThat(headerText(bwf)).contains("bext");

    ValidatedSource source = harness.probeAndValidate(bwf);

    assertFacts(source.probe(), "wav", "pcm_s24le", 0, 48_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void rf64IsAccepted() throws IOException {
    Path rf64 = harness.converted("rf64.wav", 2.0, "-c:a", "pcm_s24le", "-rf64", "always");
    assertThat(headerText(rf64)).startsWith("RF64");

    ValidatedSource source = harness.probeAndValidate(rf64);

    assertFacts(source.probe(), "wav", "pcm_s24le", 0, 48_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(source.decodedDurationSeconds()).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void dsfIsProfessionalDsd() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(DsdFiles.dsf(harness.inputs.resolve("track.dsf"), 2, 1.0));

    // ffmpeg decodes DSD64 to PCM at a eighth of the bit rate: 2.8224 MHz / 8 = 352.8 kHz.
    assertFacts(source.probe(), "dsf", "dsd_lsbf_planar", 0, 352_800, 1, true);
    assertThat(source.probe().dsd()).isTrue();
    assertThat(source.tier()).isEqualTo(QualityTier.PROFESSIONAL);
    assertThat(source.decodedDurationSeconds()).isCloseTo(1.0, within(0.02));
  }

  @Test
  void dffIsProfessionalDsd() throws IOException {
    ValidatedSource source =
        harness.probeAndValidate(DsdFiles.dff(harness.inputs.resolve("track.dff"), 2, 1.0));

    assertFacts(source.probe(), "iff", "dsd_msbf", 0, 352_800, 1, true);
    assertThat(source.probe().dsd()).isTrue();
    assertThat(source.tier()).isEqualTo(QualityTier.PROFESSIONAL);
    assertThat(source.decodedDurationSeconds()).isCloseTo(1.0, within(0.02));
  }

  @Test
  void mp4VideoWithAacUsesTheAudioStream() throws IOException {
    Path audio = harness.wav("for-mp4.wav", 48_000, 16, 2, 1.0);
    Path mp4 = harness.withVideo(audio, "clip.mp4", "-c:a", "aac", "-b:a", "192k");

    ValidatedSource source = harness.probeAndValidate(mp4);

    assertFacts(source.probe(), MP4_FAMILY, "aac", 1, 48_000, 0, false);
    assertThat(source.probe().bitRateBps())
        .as("the audio stream's rate, not the whole file's")
        .isLessThan(200_000);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void movWithPcmUsesTheAudioStream() throws IOException {
    Path audio = harness.wav("for-mov.wav", 48_000, 24, 2, 1.0);
    Path mov = harness.withVideo(audio, "clip.mov", "-c:a", "pcm_s24le");

    ValidatedSource source = harness.probeAndValidate(mov);

    assertFacts(source.probe(), MP4_FAMILY, "pcm_s24le", 1, 48_000, 24, true);
    assertThat(source.tier()).isEqualTo(QualityTier.STANDARD);
  }

  @Test
  void aviWithMp3UsesTheAudioStream() throws IOException {
    Path audio = harness.wav("for-avi.wav", 44_100, 16, 2, 1.0);
    Path avi = harness.withVideo(audio, "clip.avi", "-c:a", "libmp3lame", "-b:a", "256k");

    ValidatedSource source = harness.probeAndValidate(avi);

    assertFacts(source.probe(), "avi", "mp3", 1, 44_100, 0, false);
    assertThat(source.probe().bitRateBps()).isEqualTo(256_000);
    assertThat(source.tier()).isEqualTo(QualityTier.MINIMUM);
  }

  private static void assertFacts(
      SourceProbe probe,
      String container,
      String codec,
      int index,
      int rateHz,
      int bitDepth,
      boolean lossless) {
    assertThat(probe.container()).isEqualTo(container);
    assertThat(probe.codec()).isEqualTo(codec);
    assertThat(probe.audioStreamIndex()).isEqualTo(index);
    assertThat(probe.sampleRateHz()).isEqualTo(rateHz);
    assertThat(probe.bitDepth()).isEqualTo(bitDepth);
    assertThat(probe.channels()).isEqualTo(2);
    assertThat(probe.lossless()).isEqualTo(lossless);
    assertThat(probe.durationSeconds()).isPositive();
    assertThat(probe.bitRateBps()).isPositive();
    assertThat(probe.sizeBytes()).isPositive();
    assertThat(probe.sampleFormat()).isNotEmpty();
  }

  /**
   * The file's first 4 KiB as text, where its RIFF magic and chunk ids ("bext", "ds64") can be
   * read.
   */
  private static String headerText(Path wav) throws IOException {
    try (InputStream in = Files.newInputStream(wav)) {
      byte[] head = in.readNBytes(4096);
      return new String(head, StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9 ]", " ");
    }
  }
}
