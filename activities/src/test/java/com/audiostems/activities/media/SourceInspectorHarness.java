package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Inputs made in a temporary directory, put in a local blob store, and inspected there. */
final class SourceInspectorHarness {
  static final String TRACK = "t-1";

  final Path inputs;
  final LocalBlobStore store;
  final List<Double> progress = new ArrayList<>();
  private MediaSettings settings;

  SourceInspectorHarness(Path tempDir) throws IOException {
    this.inputs = Files.createDirectories(tempDir.resolve("inputs"));
    this.store = new LocalBlobStore(tempDir.resolve("store"));
    this.settings = MediaSettings.defaults(Files.createDirectories(tempDir.resolve("work")));
  }

  SourceInspectorHarness withLimits(long maxInputBytes, double maxDurationSeconds) {
    settings = settings.withLimits(maxInputBytes, maxDurationSeconds);
    return this;
  }

  /** Probes with another ffprobe binary (a script standing in for one that misbehaves). */
  SourceInspectorHarness withFfprobe(Path ffprobe) {
    settings =
        new MediaSettings(
            settings.ffmpegPath(),
            ffprobe.toString(),
            settings.workDir(),
            settings.maxInputBytes(),
            settings.maxDurationSeconds(),
            settings.probeTimeout(),
            settings.ffmpegTimeout(),
            settings.maxOutputBytes());
    return this;
  }

  SourceInspector inspector() {
    return new SourceInspector(new MediaProcessRunner(settings), store);
  }

  Path wav(String name, int sampleRateHz, int bitDepth, int channels, double seconds)
      throws IOException {
    return TestAudio.wav(inputs.resolve(name), sampleRateHz, bitDepth, channels, seconds);
  }

  /** A 24-bit/48 kHz stereo WAV converted with {@code ffmpeg -i wav <args> name}. */
  Path converted(String name, double seconds, String... args) throws IOException {
    Path wav = wav(name + ".src.wav", 48_000, 24, 2, seconds);
    return TestAudio.convert(wav, inputs.resolve(name), args);
  }

  /** A video test pattern muxed with {@code audio}, the video first so the audio is stream 1. */
  Path withVideo(Path audio, String name, String... audioArgs) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    command.addAll(
        List.of(
            "-f", "lavfi", "-i", "testsrc=duration=1:size=64x64:rate=10", "-i", audio.toString()));
    command.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "mpeg4"));
    command.addAll(List.of(audioArgs));
    Path out = inputs.resolve(name);
    command.add(out.toString());
    TestAudio.run(command);
    return out;
  }

  /** Overwrites {@code length} bytes in the middle of the file with seeded noise. */
  static Path garbleMiddle(Path file, int length) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] noise = new byte[length];
    new Random(42).nextBytes(noise);
    System.arraycopy(noise, 0, bytes, bytes.length / 2, length);
    Files.write(file, bytes);
    return file;
  }

  /** Keeps only the first {@code fraction} of the file's bytes, as an interrupted upload would. */
  static Path cutTo(Path file, double fraction) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    return file;
  }

  /** Stores the file under uploads/t-1/&lt;name&gt; and returns the key. */
  String put(Path file) throws IOException {
    String key = "uploads/" + TRACK + "/" + file.getFileName();
    store.store(key, file);
    return key;
  }

  SourceProbe probe(String key) {
    return inspector().probe(new ProbeRequest(TRACK, key));
  }

  ValidatedSource validate(String key, SourceProbe probe) {
    return inspector().validate(new ValidateRequest(TRACK, key, probe), progress::add);
  }

  ValidatedSource probeAndValidate(Path file) throws IOException {
    String key = put(file);
    return validate(key, probe(key));
  }

  /** The non-retryable ApplicationFailure that {@code call} throws. */
  static ApplicationFailure rejection(ThrowingCallable call) {
    List<Throwable> thrown = new ArrayList<>();
    assertThatThrownBy(call).isInstanceOf(ApplicationFailure.class).satisfies(thrown::add);
    ApplicationFailure failure = (ApplicationFailure) thrown.get(0);
    assertThat(failure.isNonRetryable()).as("non-retryable: %s", failure.getMessage()).isTrue();
    return failure;
  }
}
