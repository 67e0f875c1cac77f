package com.audiostems.activities.bench;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.analysis.tempo.TempoDecision;
import com.audiostems.activities.analysis.tempo.TempoModel;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.analysis.TrackAnalyzer;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import com.audiostems.dsp.testing.music.WavWriter;
import com.audiostems.workflows.media.SourceProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Analysis speed in × real time on one core (not a test): a synthesised 5-minute 44.1 kHz stereo
 * track, analysed (1) from PCM already in memory — the engine alone — and (2) from a FLAC file
 * through the ffmpeg decode pipe, as the activity runs it. Best of RUNS after a warm-up run.
 *
 * <p>Usage: {@code bench/analysis-speed.sh [TRACK_SECONDS=300] [RUNS=5]}
 */
public final class AnalysisBenchmark {

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SynthesizedPiece piece =
        MusicSynth.render(
            PieceSpec.builder()
                .style(Style.POP_ROCK)
                .tempoBpm(118)
                .key(9, com.audiostems.dsp.testing.music.Mode.MINOR)
                .durationSeconds(seconds)
                .songForm()
                .seed(7)
                .build());
    double audioSeconds = piece.frameCount() / (double) piece.sampleRateHz();
    System.out.printf(
        Locale.ROOT,
        "Track: %.0f s, %d Hz, %d channels (synthesised pop/rock, 118 BPM, A minor)%n",
        audioSeconds,
        piece.sampleRateHz(),
        piece.channels().length);
    System.out.printf(
        Locale.ROOT,
        "JVM: %s, cores available %d%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());

    // (1) The engine alone, from memory, in the decoder's block size.
    double bestEngine = Double.MAX_VALUE;
    double bestEngineCpu = Double.MAX_VALUE;
    double bestWithModel = Double.MAX_VALUE;
    double bestModelMillis = Double.MAX_VALUE;
    Map<String, Double> bestParts = new TreeMap<>();
    TempoDecision decision = null;
    try (TempoModel tempoModel = TempoModel.cpu()) {
      for (int run = 0; run <= runs; run++) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        TrackAnalyzer analyzer = new TrackAnalyzer(piece.sampleRateHz(), piece.channels().length);
        feed(analyzer, piece.channels());
        TrackAnalysisReport report = analyzer.finish();
        long t1 = System.nanoTime();
        decision = tempoModel.decide(report.rhythm()); // as AnalysisActivitiesImpl does
        long t2 = System.nanoTime();
        double s = (t1 - t0) / 1e9;
        if (run > 0) {
          bestEngineCpu = Math.min(bestEngineCpu, (processCpuNanos() - cpu0) / 1e9);
        }
        if (run > 0 && s < bestEngine) {
          bestEngine = s;
          bestParts = new TreeMap<>(report.analyserMillis());
        }
        if (run > 0) {
          bestWithModel = Math.min(bestWithModel, (t2 - t0) / 1e9);
          bestModelMillis = Math.min(bestModelMillis, (t2 - t1) / 1e6);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nEngine from memory: best %.3f s = %.0f× real time on one core%n",
        bestEngine,
        audioSeconds / bestEngine);
    System.out.printf(
        Locale.ROOT,
        "  the JVM's CPU time for it (every thread: the engine's, the GC's, the JIT's): best %.3f s"
            + " = %.0f× real time per core%n",
        bestEngineCpu,
        audioSeconds / bestEngineCpu);
    bestParts.forEach(
        (name, ms) ->
            System.out.printf(
                Locale.ROOT, "  %-22s %8.1f ms  (%.0f×)%n", name, ms, audioSeconds / (ms / 1000)));
    System.out.printf(
        Locale.ROOT,
        "Engine + tempo model (%s, CPU provider): best %.3f s = %.0f× real time on one core;"
            + " the model alone %.2f ms (tempo %.1f BPM)%n",
        decision.model(),
        bestWithModel,
        audioSeconds / bestWithModel,
        bestModelMillis,
        decision.bpm());

    // (2) Decode + engine, from a FLAC file, as the activity runs it (ffmpeg is a second process).
    Path dir = Files.createTempDirectory("analysis-bench");
    Path wav = dir.resolve("track.wav");
    WavWriter.write(piece, wav, 24);
    Path flac = dir.resolve("track.flac");
    Process encode =
        new ProcessBuilder(
                "ffmpeg", "-v", "error", "-i", wav.toString(), "-c:a", "flac", flac.toString())
            .inheritIO()
            .start();
    if (encode.waitFor() != 0) {
      throw new IllegalStateException("ffmpeg could not make the FLAC");
    }
    SourceProbe probe =
        new SourceProbe(
            "flac",
            "flac",
            0,
            piece.sampleRateHz(),
            24,
            "s32",
            2,
            "stereo",
            audioSeconds,
            0,
            Files.size(flac),
            true,
            false);
    PcmDecoder decoder =
        new PcmDecoder(new MediaProcessRunner(MediaSettings.defaults(dir.resolve("work"))));
    double bestDecodeOnly = Double.MAX_VALUE;
    double bestEndToEnd = Double.MAX_VALUE;
    for (int run = 0; run <= runs; run++) {
      long t0 = System.nanoTime();
      decoder.decode(flac, probe, (block, frames) -> {}, f -> {});
      double decodeOnly = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      TrackAnalyzer analyzer = new TrackAnalyzer(piece.sampleRateHz(), 2);
      decoder.decode(flac, probe, analyzer::accept, f -> {});
      analyzer.finish();
      double endToEnd = (System.nanoTime() - t1) / 1e9;
      if (run > 0) {
        bestDecodeOnly = Math.min(bestDecodeOnly, decodeOnly);
        bestEndToEnd = Math.min(bestEndToEnd, endToEnd);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nFLAC decode through the pipe alone: best %.3f s = %.0f× real time%n",
        bestDecodeOnly,
        audioSeconds / bestDecodeOnly);
    System.out.printf(
        Locale.ROOT,
        "Decode + engine (the activity's work): best %.3f s = %.0f× real time%n",
        bestEndToEnd,
        audioSeconds / bestEndToEnd);
    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
  }

  private static void feed(TrackAnalyzer analyzer, float[][] channels) {
    int n = channels[0].length;
    int block = 8192;
    float[][] buffer = new float[channels.length][block];
    for (int at = 0; at < n; at += block) {
      int frames = Math.min(block, n - at);
      for (int c = 0; c < channels.length; c++) {
        System.arraycopy(channels[c], at, buffer[c], 0, frames);
      }
      analyzer.accept(buffer, frames);
    }
  }

  /** CPU time of this whole JVM: unlike wall time, not lengthened by other processes' work. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
