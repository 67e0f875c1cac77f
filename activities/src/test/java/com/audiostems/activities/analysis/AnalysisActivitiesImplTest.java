package com.audiostems.activities.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import com.audiostems.dsp.testing.music.WavWriter;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis activity on a real decode: synthesised music with known truth, stored as a FLAC
 * source (so that ffmpeg decodes a compressed stream), analysed through the activity as a worker
 * runs it.
 */
class AnalysisActivitiesImplTest {
  private static final String TRACK = "an-1";
  @TempDir Path dir;
  private TestActivityEnvironment env;
  private LocalBlobStore store;
  private AnalysisActivities activities;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalBlobStore(dir.resolve("store"));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new AnalysisActivitiesImpl(
            store, new MediaProcessRunner(MediaSettings.defaults(dir.resolve("work")))));
    activities = env.newActivityStub(AnalysisActivities.class);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void analysesASourceOnceAndStoresTheFullReport() throws Exception {
    SynthesizedPiece piece =
        MusicSynth.render(AccuracySuite.pieces().get(0)); // 120 BPM, C major, 40 s
    Path wav = dir.resolve("piece.wav");
    WavWriter.write(piece, wav, 24);
    Path flac = dir.resolve("piece.flac");
    Process ffmpeg =
        new ProcessBuilder(
                "ffmpeg", "-v", "error", "-i", wav.toString(), "-c:a", "flac", flac.toString())
            .inheritIO()
            .start();
    assertThat(ffmpeg.waitFor()).isZero();
    String sourceKey = BlobKeys.sourceKey(TRACK, "piece.flac");
    store.store(sourceKey, flac);
    String analysisKey = BlobKeys.analysisKey(TRACK, 1);

    AnalysisResult result =
        activities.analyze(new AnalyzeRequest(TRACK, sourceKey, probe(piece), 1));
    TrackAnalysis analysis = result.analysis();

    assertThat(analysis.assetKey()).isEqualTo(analysisKey);
    assertThat(analysis.analysedSeconds())
        .isCloseTo(piece.channels()[0].length / (double) piece.sampleRateHz(), within(1e-3));
    assertThat(analysis.key().name()).isEqualTo("C major");
    assertThat(analysis.key().shortName()).isEqualTo("C");
    assertThat(analysis.tempo().bpm())
        .isCloseTo(piece.truth().tempoBpm(), within(piece.truth().tempoBpm() * 0.04));
    assertThat(analysis.tempo().beatCount()).isGreaterThan(60); // 40 s at 120 BPM: 80 beats
    // Integrated loudness agrees with an independent meter: ffmpeg's ebur128 filter on the same
    // file.
    assertThat(analysis.loudness().integratedLufs())
        .isCloseTo(ffmpegIntegratedLufs(store.pathOf(sourceKey)), within(0.2));
    assertThat(analysis.loudness().truePeakDbtp())
        .isBetween(
            analysis.loudness().samplePeakDbfs(), analysis.loudness().samplePeakDbfs() + 3.1);
    assertThat(analysis.energy().meanEnergy()).isBetween(0.0, 1.0);
    assertThat(analysis.timbre().spectralCentroidHz()).isBetween(100.0, 8000.0);
    JsonNode report;
    try (InputStream in = store.open(analysisKey)) {
      report = AnalysisActivitiesImpl.REPORT_JSON.readTree(in);
    }
    assertThat(report.path("engine").asText()).startsWith("audiostems-dsp/");
    assertThat(report.path("channels").asInt()).isEqualTo(2);
    assertThat(report.path("analysisRateHz").asInt()).isEqualTo(22_050);
    assertThat(report.path("rhythm").path("beatTimesSeconds").size())
        .isEqualTo(analysis.tempo().beatCount());
    assertThat(report.path("loudness").path("shortTermLoudnessPerSecondLufs").size()).isEqualTo(40);
    assertThat(Files.size(store.pathOf(analysisKey))).isEqualTo(analysis.assetBytes());

    // The quality checks ran on the same decode: a clean 24-bit 44.1 kHz master.
    TrackQuality quality = result.quality();
    assertThat(quality.effective().bitDepth()).isEqualTo(24);
    assertThat(quality.effective().sampleRateHz()).isEqualTo(44_100);
    assertThat(quality.effective().lossySignature()).isFalse();
    assertThat(quality.passes(QualityTier.STANDARD)).as(quality.tiers().toString()).isTrue();
    assertThat(quality.passes(QualityTier.PROFESSIONAL))
        .as("44.1 kHz is below professional's 48 kHz")
        .isFalse();
    assertThat(quality.score()).isBetween(0, 100);
    for (String key : BlobKeys.qualityKeys(TRACK, 1)) {
      assertThat(store.exists(key)).as(key).isTrue();
    }
    String page = Files.readString(store.pathOf(quality.pageKey()));
    assertThat(page).contains("<img").contains("data:image/png;base64,");
    assertThat(Files.readAllBytes(store.pathOf(quality.waveformKey())))
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

    // The peaks, from the same decode: audiowaveform's version 2 header at the source's rate, a
    // pair per 256 frames, and the mix's loudest sample among them.
    java.nio.ByteBuffer dat =
        java.nio.ByteBuffer.wrap(
                Files.readAllBytes(
                    store.pathOf(BlobKeys.qualityKey(TRACK, 1, BlobKeys.QualityAsset.PEAKS))))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int frames = piece.channels()[0].length;
    assertThat(dat.getInt()).as("version").isEqualTo(2);
    assertThat(dat.getInt()).as("flags: 16-bit").isZero();
    assertThat(dat.getInt()).as("sample rate").isEqualTo(piece.sampleRateHz());
    assertThat(dat.getInt()).as("samples per pixel").isEqualTo(256);
    assertThat(dat.getInt()).as("length").isEqualTo((frames + 255) / 256);
    assertThat(dat.getInt()).as("channels").isEqualTo(1);
    assertThat(dat.remaining()).isEqualTo(4 * ((frames + 255) / 256));
    int loudest = 0;
    while (dat.hasRemaining()) {
      loudest = Math.max(loudest, Math.abs(dat.getShort()));
    }
    float mixPeak = 0;
    for (int i = 0; i < frames; i++) {
      float sum = 0;
      for (float[] channel : piece.channels()) {
        sum += channel[i];
      }
      mixPeak = Math.max(mixPeak, Math.abs(sum / piece.channels().length));
    }
    // 24-bit source: the decoded floats differ from the synthesised ones by under one 24-bit step
    assertThat(loudest).isCloseTo(Math.round(mixPeak * 32767), within(2));
  }

  @Test
  void aSourceThatIsNotThereIsATypedFailure() {
    SourceProbe probe =
        new SourceProbe(
            "wav", "pcm_s16le", 0, 44_100, 16, "s16", 2, "stereo", 1.0, 1, 1, true, false);
    assertThatThrownBy(
            () ->
                activities.analyze(new AnalyzeRequest(TRACK, "uploads/an-1/source.wav", probe, 1)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.SOURCE_MISSING));
  }

  /** ffmpeg's own EBU R128 meter: "I: -14.2 LUFS" in its summary. */
  private static double ffmpegIntegratedLufs(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostats",
                "-hide_banner",
                "-i",
                file.toString(),
                "-af",
                "ebur128",
                "-f",
                "null",
                "-")
            .redirectErrorStream(true)
            .start();
    String log =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log);
    double last = Double.NaN;
    while (m.find()) {
      last = Double.parseDouble(m.group(1));
    }
    return last;
  }

  private static SourceProbe probe(SynthesizedPiece piece) {
    double seconds = piece.channels()[0].length / (double) piece.sampleRateHz();
    return new SourceProbe(
        "flac",
        "flac",
        0,
        piece.sampleRateHz(),
        24,
        "s32",
        2,
        "stereo",
        seconds,
        1_000_000,
        1,
        true,
        false);
  }
}
