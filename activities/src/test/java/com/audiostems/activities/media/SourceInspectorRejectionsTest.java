package com.audiostems.activities.media;

import static com.audiostems.activities.media.SourceInspectorHarness.cutTo;
import static com.audiostems.activities.media.SourceInspectorHarness.garbleMiddle;
import static com.audiostems.activities.media.SourceInspectorHarness.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of bad source is turned away with its own non-retryable failure type. */
class SourceInspectorRejectionsTest {
  @TempDir Path tempDir;
  private SourceInspectorHarness harness;

  @BeforeEach
  void setUp() throws IOException {
    harness = new SourceInspectorHarness(tempDir);
  }

  @Test
  void truncatedWavIsCaughtByItsHeader() throws IOException {
    Path wav = cutTo(harness.wav("cut.wav", 48_000, 24, 2, 2.0), 0.6);
    String key = harness.put(wav);
    SourceProbe probe = harness.probe(key);
    // ffprobe and ffmpeg see only the 1.2 s present and say nothing is wrong; only the header can.
    assertThat(probe.durationSeconds()).isLessThan(1.3);

    ApplicationFailure failure = rejection(() -> harness.validate(key, probe));

    assertThat(failure.getType()).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
    assertThat(failure.getMessage()).contains("576,000 bytes of audio").contains(key);
    assertThat(harness.progress).as("rejected before any decode").isEmpty();
  }

  @Test
  void truncatedAiffIsCaughtByItsHeader() throws IOException {
    Path aiff = cutTo(harness.converted("cut.aiff", 2.0, "-c:a", "pcm_s24be"), 0.7);

    assertThat(validateType(aiff)).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
  }

  @Test
  void truncatedRf64IsCaughtByItsDs64Sizes() throws IOException {
    Path rf64 =
        cutTo(harness.converted("cut.wav", 2.0, "-c:a", "pcm_s24le", "-rf64", "always"), 0.7);

    assertThat(validateType(rf64)).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
  }

  @Test
  void truncatedFlacIsTruncatedNotCorrupt() throws IOException {
    // The decoder complains about the cut-off last frame; everything before it decodes cleanly.
    Path flac = cutTo(harness.converted("cut.flac", 3.0, "-c:a", "flac"), 0.6);

    assertThat(validateType(flac)).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
  }

  @Test
  void truncatedMp3IsCaughtByTheDecode() throws IOException {
    // LAME's Xing header states the frame count, so the MP3 declares its full length.
    Path mp3 =
        cutTo(
            harness.converted("cut.mp3", 3.0, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "320k"),
            0.5);

    assertThat(validateType(mp3)).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
  }

  @Test
  void zeroByteFileIsEmpty() throws IOException {
    Path empty = Files.createFile(harness.inputs.resolve("empty.wav"));
    String key = harness.put(empty);

    ApplicationFailure failure = rejection(() -> harness.probe(key));

    assertThat(failure.getType()).isEqualTo(TrackFailures.EMPTY_FILE);
    assertThat(failure.getMessage()).contains("0 bytes");
  }

  @Test
  void wavWithoutSamplesIsEmpty() throws IOException {
    Path headerOnly =
        TestAudio.writeWav(harness.inputs.resolve("silent.wav"), new double[0], 48_000, 24, 2);

    assertThat(validateType(headerOnly)).isEqualTo(TrackFailures.EMPTY_FILE);
  }

  @Test
  void textFileNamedWavIsNotAudio() throws IOException {
    Path text = harness.inputs.resolve("notes.wav");
    Files.writeString(
        text, "Mix notes: bring the vocal up 2 dB in the second chorus.\n".repeat(40));
    String key = harness.put(text);

    ApplicationFailure failure = rejection(() -> harness.probe(key));

    assertThat(failure.getType()).isEqualTo(TrackFailures.NOT_AUDIO);
    assertThat(failure.getMessage()).contains("Invalid data found");
  }

  @Test
  void videoWithoutAudioHasNoAudioStream() throws IOException {
    Path mp4 = harness.inputs.resolve("silent-film.mp4");
    TestAudio.run(
        List.of(
            "ffmpeg",
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=1:size=64x64:rate=10",
            "-c:v",
            "mpeg4",
            mp4.toString()));
    String key = harness.put(mp4);

    ApplicationFailure failure = rejection(() -> harness.probe(key));

    assertThat(failure.getType()).isEqualTo(TrackFailures.NO_AUDIO_STREAM);
    assertThat(failure.getMessage()).contains("video streams but no audio");
  }

  @Test
  void mp3WithGarbageInTheMiddleIsCorrupt() throws IOException {
    Path mp3 =
        harness.converted("damaged.mp3", 2.0, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "320k");
    garbleMiddle(mp3, 4000);
    String key = harness.put(mp3);
    SourceProbe probe = harness.probe(key);

    ApplicationFailure failure = rejection(() -> harness.validate(key, probe));

    assertThat(failure.getType()).isEqualTo(TrackFailures.CORRUPT_AUDIO);
    assertThat(failure.getMessage()).as("quotes the decoder").contains("mp3float:");
  }

  @Test
  void aacInM4aWithGarbageInTheMiddleIsCorrupt() throws IOException {
    Path m4a =
        garbleMiddle(harness.converted("damaged.m4a", 2.0, "-c:a", "aac", "-b:a", "256k"), 4000);

    assertThat(validateType(m4a)).isEqualTo(TrackFailures.CORRUPT_AUDIO);
  }

  @Test
  void flacWithGarbageInTheMiddleIsRejectedForMissingAudio() throws IOException {
    // ffmpeg's FLAC parser checks each frame's CRC and silently drops damaged frames, so the
    // decoder reports nothing; what shows is audio missing against STREAMINFO's sample count.
    Path flac = garbleMiddle(harness.converted("damaged.flac", 3.0, "-c:a", "flac"), 20_000);

    assertThat(validateType(flac)).isEqualTo(TrackFailures.TRUNCATED_AUDIO);
  }

  @Test
  void fileOverTheSizeLimitIsRejectedBeforeProbing() throws IOException {
    String key = harness.put(harness.wav("big.wav", 48_000, 24, 2, 1.0));
    SourceProbe probe = harness.probe(key);
    harness.withLimits(100_000, 3600);

    assertThat(rejection(() -> harness.probe(key)).getType())
        .isEqualTo(TrackFailures.FILE_TOO_LARGE);
    assertThat(rejection(() -> harness.validate(key, probe)).getType())
        .isEqualTo(TrackFailures.FILE_TOO_LARGE);
  }

  @Test
  void audioOverTheDurationLimitIsTooLong() throws IOException {
    harness.withLimits(1L << 30, 1.5);

    ApplicationFailure failure =
        rejection(() -> harness.probeAndValidate(harness.wav("long.wav", 44_100, 16, 2, 2.0)));

    assertThat(failure.getType()).isEqualTo(TrackFailures.TOO_LONG);
    assertThat(harness.progress).as("rejected before any decode").isEmpty();
  }

  @Test
  void containerUnderstatingItsLengthIsCaughtByTheDecode() throws IOException {
    harness.withLimits(1L << 30, 1.0);
    String key = harness.put(harness.wav("long.wav", 44_100, 16, 2, 3.0));
    SourceProbe honest = harness.probe(key);
    SourceProbe understated =
        new SourceProbe(
            honest.container(),
            honest.codec(),
            honest.audioStreamIndex(),
            honest.sampleRateHz(),
            honest.bitDepth(),
            honest.sampleFormat(),
            honest.channels(),
            honest.channelLayout(),
            0.5,
            honest.bitRateBps(),
            honest.sizeBytes(),
            honest.lossless(),
            honest.dsd());

    ApplicationFailure failure = rejection(() -> harness.validate(key, understated));

    assertThat(failure.getType()).isEqualTo(TrackFailures.TOO_LONG);
    assertThat(failure.getMessage()).contains("runs past");
  }

  @Test
  void telephoneRateWavIsBelowMinimum() throws IOException {
    ApplicationFailure failure =
        rejection(() -> harness.probeAndValidate(harness.wav("phone.wav", 8_000, 16, 2, 1.0)));

    assertThat(failure.getType()).isEqualTo(TrackFailures.BELOW_MINIMUM_TIER);
    assertThat(failure.getMessage()).contains("16-bit lossless audio (pcm_s16le) at 8.0 kHz");
  }

  @Test
  void mp3At64kIsBelowMinimum() throws IOException {
    Path mp3 =
        harness.converted("low.mp3", 1.0, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k");

    ApplicationFailure failure = rejection(() -> harness.probeAndValidate(mp3));

    assertThat(failure.getType()).isEqualTo(TrackFailures.BELOW_MINIMUM_TIER);
    assertThat(failure.getMessage()).contains("lossy mp3 at 64 kbps");
  }

  /**
   * Issue 15: G.711 stores 8-bit codes that decode to 16-bit samples at a "bit rate" of 352.8 kbps;
   * judged as a 352 kbps lossy stream it was published as STANDARD. It is 8-bit audio.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pcm_mulaw", "pcm_alaw"})
  void companded8BitPcmIsBelowMinimumAndTheMessageSaysWhatToUpload(String codec)
      throws IOException {
    Path wav = harness.converted(codec + ".wav", 1.0, "-ar", "44100", "-c:a", codec);

    ApplicationFailure failure = rejection(() -> harness.probeAndValidate(wav));

    assertThat(failure.getType()).isEqualTo(TrackFailures.BELOW_MINIMUM_TIER);
    assertThat(failure.getMessage())
        .contains(
            "G.711",
            "(" + codec + ") at 44.1 kHz",
            "8-bit companded codes",
            "Upload the 16- or 24-bit recording it was made from");
  }

  /**
   * Issue 15: an Ogg Vorbis file of 0 samples still carries the encoder's nominal 112 kbps, and was
   * rejected as below the minimum tier instead of as empty.
   */
  @Test
  void anOggVorbisStreamWithoutSamplesIsEmptyNotBelowMinimum() throws Exception {
    Path empty =
        TestAudio.writeWav(harness.inputs.resolve("none.wav"), new double[0], 44_100, 16, 2);
    // oggenc, as the corpus makes it: ffmpeg's libvorbis writes no stream at all for 0 samples.
    Path ogg = harness.inputs.resolve("none.ogg");
    Process oggenc =
        new ProcessBuilder("oggenc", "-Q", "-o", ogg.toString(), empty.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(oggenc.waitFor(30, TimeUnit.SECONDS) && oggenc.exitValue() == 0)
        .as(new String(oggenc.getInputStream().readAllBytes()))
        .isTrue();
    String key = harness.put(ogg);
    SourceProbe probe = harness.probe(key);
    assertThat(QualityTiers.classify(probe)).as("the header alone is below the minimum").isEmpty();

    ApplicationFailure failure = rejection(() -> harness.validate(key, probe));

    assertThat(failure.getType()).isEqualTo(TrackFailures.EMPTY_FILE);
    assertThat(failure.getMessage()).contains("holds no samples");
  }

  /**
   * Issue 15: on a Musepack, a WebM/Opus and an M4B file ffprobe printed a cut-off report, and
   * {@code JsonSyntaxException: End of input} ended the track untyped. An ffprobe that answers its
   * version like the real one and then prints half a document stands in for it.
   */
  @Test
  void aCutOffFfprobeReportIsNotAudioNotACrash() throws IOException {
    Path ffprobe = harness.inputs.resolve("half-ffprobe.sh");
    Files.writeString(
        ffprobe,
        "#!/bin/sh\n"
            + "case \"$*\" in *-version*) exec ffprobe \"$@\";; esac\n"
            + "printf '{\"streams\": [ { \"index\": 0, \"codec_name\": \"musepack'\n");
    ffprobe.toFile().setExecutable(true);
    String key = harness.put(harness.wav("odd.mpc", 44_100, 16, 2, 1.0));

    ApplicationFailure failure = rejection(() -> harness.withFfprobe(ffprobe).probe(key));

    assertThat(failure.getType()).isEqualTo(TrackFailures.NOT_AUDIO);
    assertThat(failure.getMessage())
        .contains(
            key, "ffprobe could not describe it", "cut off or malformed", "Upload the track as");
  }

  /**
   * Issue 15: a real 128k CBR LAME encode (libmp3lame) of an odd-length file, in an MP4, measures
   * 127,994 bps; it is a 128k MP3 and is accepted.
   */
  @Test
  void aNominal128kMp3MeasuringBelow128kbpsIsAccepted() throws IOException {
    Path mp3 =
        harness.converted(
            "nominal.mp3", 58_751 / 48_000.0, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k");
    Path mp4 = TestAudio.convert(mp3, harness.inputs.resolve("nominal.mp4"), "-c:a", "copy");
    String key = harness.put(mp4);
    SourceProbe probe = harness.probe(key);

    assertThat(probe.codec()).isEqualTo("mp3");
    assertThat(probe.bitRateBps()).isBetween(127_000L, 127_999L);
    assertThat(harness.validate(key, probe).tier()).isEqualTo(QualityTier.MINIMUM);
  }

  @Test
  void missingSourceIsReported() {
    ApplicationFailure failure =
        rejection(
            () ->
                harness
                    .inspector()
                    .probe(new ProbeRequest("t-1", "uploads/t-1/never-uploaded.wav")));

    assertThat(failure.getType()).isEqualTo(TrackFailures.SOURCE_MISSING);
  }

  private String validateType(Path file) throws IOException {
    String key = harness.put(file);
    SourceProbe probe = harness.probe(key);
    return rejection(() -> harness.validate(key, probe)).getType();
  }
}
