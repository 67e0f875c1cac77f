package com.audiostems.activities.media;

import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * A store, a work dir and synthesised WAV sources with the probe the probe stage would give them.
 */
final class EncodeFixture {
  /** Leaves outputs as ffmpeg wrote them. */
  static final OutputTagger NO_TAGS =
      new OutputTagger() {
        @Override
        public void tag(Path output, OutputFormat format, TrackMetadata metadata, Path artwork) {}

        @Override
        public boolean tagAnalysis(
            Path output, OutputFormat format, Integer bpm, String initialKey) {
          return false;
        }
      };

  final Path workDir;
  final LocalBlobStore store;
  final MediaProcessRunner runner;
  private final Path scratch;

  EncodeFixture(Path tempDir) throws IOException {
    this(tempDir, MediaSettings.defaults(tempDir.resolve("work")));
  }

  EncodeFixture(Path tempDir, MediaSettings settings) throws IOException {
    this.workDir = settings.workDir();
    this.store = new LocalBlobStore(tempDir.resolve("store"));
    this.runner = new MediaProcessRunner(settings);
    this.scratch = Files.createDirectories(tempDir.resolve("scratch"));
  }

  /** A stored source and its probe. */
  record Source(String trackId, String key, SourceProbe probe, Path copy) {}

  /** Integer PCM WAV of {@link TestAudio#music}. */
  Source wav(String trackId, int sampleRateHz, int bitDepth, int channels, double seconds)
      throws IOException {
    Path file =
        TestAudio.wav(scratch.resolve(trackId + ".wav"), sampleRateHz, bitDepth, channels, seconds);
    return store(
        trackId,
        file,
        "pcm_s" + bitDepth + "le",
        bitDepth,
        bitDepth == 16 ? "s16" : "s32",
        sampleRateHz,
        channels,
        seconds);
  }

  /** 32-bit float WAV of {@link TestAudio#music}. */
  Source floatWav(String trackId, int sampleRateHz, int channels, double seconds)
      throws IOException {
    Path integer =
        TestAudio.wav(scratch.resolve(trackId + "-int.wav"), sampleRateHz, 24, channels, seconds);
    Path file = TestAudio.convert(integer, scratch.resolve(trackId + ".wav"), "-c:a", "pcm_f32le");
    return store(trackId, file, "pcm_f32le", 32, "flt", sampleRateHz, channels, seconds);
  }

  /** A 16- or 24-bit PCM WAV the test wrote itself. */
  Source storeWav(
      String trackId, Path file, int bitDepth, int sampleRateHz, int channels, double seconds)
      throws IOException {
    return store(
        trackId,
        file,
        "pcm_s" + bitDepth + "le",
        bitDepth,
        bitDepth == 16 ? "s16" : "s32",
        sampleRateHz,
        channels,
        seconds);
  }

  /**
   * {@link TestAudio#music} of exactly {@code frames} stereo frames, converted by ffmpeg with
   * {@code codecArgs} into a {@code .extension} file, stored and probed.
   */
  Source encodedMusic(
      String trackId, int sampleRateHz, int frames, String extension, String... codecArgs)
      throws IOException {
    Path wav =
        TestAudio.writeWav(
            scratch.resolve(trackId + "-music.wav"),
            TestAudio.music(sampleRateHz, 2, (double) frames / sampleRateHz),
            sampleRateHz,
            16,
            2);
    return probed(
        trackId, TestAudio.convert(wav, scratch.resolve(trackId + "." + extension), codecArgs));
  }

  /** Any audio file, with the probe the probe stage gives it. */
  Source probed(String trackId, Path file) throws IOException {
    String name = file.getFileName().toString();
    Path copy = Files.copy(file, scratch.resolve(trackId + "-copy-" + name));
    String key = BlobKeys.sourceKey(trackId, "source" + name.substring(name.lastIndexOf('.')));
    store.store(key, file);
    SourceProbe probe = new SourceInspector(runner, store).probe(new ProbeRequest(trackId, key));
    return new Source(trackId, key, probe, copy);
  }

  private Source store(
      String trackId,
      Path file,
      String codec,
      int bitDepth,
      String sampleFormat,
      int rate,
      int channels,
      double seconds)
      throws IOException {
    Path copy = Files.copy(file, scratch.resolve(trackId + "-copy.wav"));
    long size = Files.size(file);
    SourceProbe probe =
        new SourceProbe(
            "wav",
            codec,
            0,
            rate,
            bitDepth,
            sampleFormat,
            channels,
            channels == 2 ? "stereo" : "",
            seconds,
            (long) rate * bitDepth * channels,
            size,
            true,
            false);
    String key = BlobKeys.sourceKey(trackId, "source.wav");
    store.store(key, file);
    return new Source(trackId, key, probe, copy);
  }

  static OutputPlan plan(Source source, OutputFormat... formats) {
    Set<OutputFormat> requested =
        formats.length == 0 ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(List.of(formats));
    return OutputPlanner.plan(source.trackId(), source.probe(), requested);
  }

  EncodeLaneResult encode(Source source, List<OutputSpec> outputs, DoubleConsumer progress) {
    return new OutputEncoder(runner, store, NO_TAGS)
        .encodeLane(
            new EncodeLaneRequest(
                source.trackId(), source.key(), source.probe(), outputs, TrackMetadata.empty()),
            progress);
  }

  VerificationReport verify(Source source, List<EncodedOutput> outputs) {
    return new OutputVerifier(runner, store).verify(verifyRequest(source, outputs), f -> {});
  }

  /** What the workflow asks: the outputs against the source as validation decoded it. */
  VerifyRequest verifyRequest(Source source, List<EncodedOutput> outputs) {
    ValidatedSource validated =
        new SourceInspector(runner, store)
            .validate(new ValidateRequest(source.trackId(), source.key(), source.probe()), f -> {});
    return new VerifyRequest(source.trackId(), validated, outputs, null);
  }

  Path stored(EncodedOutput output) {
    return store.pathOf(output.key());
  }

  /**
   * Replaces a stored output with the file, returning the output as the encoder would have
   * described it.
   */
  EncodedOutput replace(EncodedOutput output, Path file) throws IOException {
    var stored = store.store(output.key(), file);
    return output.withStoredFile(stored.bytes(), stored.sha256());
  }

  Path scratch(String name) {
    return scratch.resolve(name);
  }

  /** Entries left in the work dir (the dir itself may exist). */
  List<Path> workDirEntries() throws IOException {
    if (!Files.isDirectory(workDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(workDir)) {
      return entries.toList();
    }
  }
}
