package com.audiostems.app.bench;

import com.audiostems.activities.media.EncoderArguments;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.media.SourceInspector;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.EncodeSchedule;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: prints the pipeline's wall time for a 5-minute 44.1 kHz/24-bit stereo track beside
 * raw ffmpeg's for the same outputs, with the same arguments, in the same run. Raw ffmpeg is timed
 * in both schedules (one process decoding once for all outputs; lanes split by cost in parallel)
 * and the pipeline is compared with the faster one. Run it with bench/pipeline-vs-ffmpeg.sh.
 */
public final class PipelineBenchmark {
  private static final Pattern PIPELINE_SECONDS =
      Pattern.compile("Pipeline wall time: ([0-9.]+) s");

  public static void main(String[] args) throws Exception {
    double trackSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int cores = Runtime.getRuntime().availableProcessors();
    Path dir = Files.createTempDirectory("audiostems-bench");
    Path source = TestAudio.wav(dir.resolve("bench-track.wav"), 44_100, 24, 2, trackSeconds);

    MediaSettings settings = MediaSettings.defaults(dir.resolve("work"));
    MediaProcessRunner runner = new MediaProcessRunner(settings);
    LocalBlobStore probeStore = new LocalBlobStore(dir.resolve("probe-store"));
    Path upload = Files.copy(source, dir.resolve("upload.wav"));
    probeStore.store("uploads/bench/source.wav", upload);
    SourceProbe probe =
        new SourceInspector(runner, probeStore)
            .probe(new ProbeRequest("bench", "uploads/bench/source.wav"));
    List<OutputSpec> outputs = OutputPlanner.plan("bench", probe, null).outputs();

    System.out.printf(
        Locale.ROOT,
        "Track: %.0f s, 44.1 kHz/24-bit stereo WAV; %d outputs; %d cores; %d runs each%n",
        trackSeconds,
        outputs.size(),
        cores,
        runs);
    double[] oneProcess = new double[runs];
    double[] lanes = new double[runs];
    double[] pipeline = new double[runs];
    for (int run = 0; run < runs; run++) {
      oneProcess[run] =
          rawFfmpeg(runner, source, probe, EncodeSchedule.lanes(outputs, 1), dir.resolve("raw1"));
      lanes[run] =
          rawFfmpeg(
              runner,
              source,
              probe,
              EncodeSchedule.lanes(outputs, cores),
              dir.resolve("raw" + cores));
      pipeline[run] = pipeline(source, dir, run);
      System.out.printf(
          Locale.ROOT,
          "run %d: raw one process %.2f s, raw %d lanes %.2f s, pipeline %.2f s%n",
          run + 1,
          oneProcess[run],
          cores,
          lanes[run],
          pipeline[run]);
    }
    double bestRaw = Math.min(median(oneProcess), median(lanes));
    System.out.printf(
        Locale.ROOT,
        "%nmedian raw ffmpeg, one process for all outputs: %6.2f s%n",
        median(oneProcess));
    System.out.printf(
        Locale.ROOT,
        "median raw ffmpeg, %d lanes split by cost:       %6.2f s%n",
        cores,
        median(lanes));
    System.out.printf(
        Locale.ROOT, "median pipeline (workflow start to published):  %6.2f s%n", median(pipeline));
    System.out.printf(
        Locale.ROOT,
        "ratio pipeline / best raw schedule:             %6.2f%n",
        median(pipeline) / bestRaw);
    System.out.printf(Locale.ROOT, "speed: %.0fx real time%n", trackSeconds / median(pipeline));
  }

  /**
   * Runs every lane's ffmpeg at once, exactly as the pipeline builds it, and returns the wall time.
   */
  static double rawFfmpeg(
      MediaProcessRunner runner,
      Path source,
      SourceProbe probe,
      List<List<OutputSpec>> lanes,
      Path outDir)
      throws Exception {
    Files.createDirectories(outDir);
    List<List<String>> commands = new ArrayList<>();
    for (List<OutputSpec> lane : lanes) {
      List<EncoderArguments.LaneOutput> files =
          lane.stream()
              .map(s -> new EncoderArguments.LaneOutput(s, outDir.resolve(s.format().fileName())))
              .toList();
      List<String> command = runner.ffmpegCommand();
      command.addAll(
          EncoderArguments.lane(source, probe, files, runner.settings().maxOutputBytes()));
      commands.add(command);
    }
    long start = System.nanoTime();
    List<Process> processes = new ArrayList<>();
    for (List<String> command : commands) {
      processes.add(
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectErrorStream(true)
              .start());
    }
    for (Process process : processes) {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            "ffmpeg failed: " + commands.get(processes.indexOf(process)));
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static double pipeline(Path source, Path dir, int run) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        AudiostemsApplication.run(
            new String[] {
              "process",
              source.toString(),
              "--out",
              dir.resolve("pipeline-" + run).toString(),
              "--track-id",
              "bench-" + run,
              "--audiostems.work-dir=" + dir.resolve("work")
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String printed = out.toString(StandardCharsets.UTF_8);
    Matcher seconds = PIPELINE_SECONDS.matcher(printed);
    if (code != 0 || !seconds.find()) {
      throw new IllegalStateException("process failed (" + code + "):\n" + printed);
    }
    return Double.parseDouble(seconds.group(1));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
