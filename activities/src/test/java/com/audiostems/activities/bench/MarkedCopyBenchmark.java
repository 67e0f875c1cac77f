package com.audiostems.activities.bench;

import com.audiostems.activities.delivery.DeliveryActivitiesImpl;
import com.audiostems.activities.media.EncoderArguments;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.testing.PublishedTracks;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.TrackManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: a licensee's marked MP3 320k copy of a 5-minute 44.1 kHz/24-bit stereo track, made by
 * the delivery activity's code end to end (decode the master, embed, encode from a pipe, tag,
 * store, registry, record), beside ffmpeg alone encoding the same MP3 from the master with the
 * encode lane's own arguments, alternating in the same run. Each copy is for a new licence, so none
 * is reused. Run it with bench/marked-copy-vs-ffmpeg.sh.
 */
public final class MarkedCopyBenchmark {
  public static void main(String[] args) throws Exception {
    double trackSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("audiostems-marked-bench");
    Path master =
        TestAudio.writeWav(
            dir.resolve("master.wav"),
            MarkableAudio.samples(44_100, 2, trackSeconds),
            44_100,
            24,
            2);
    LocalBlobStore store = new LocalBlobStore(dir.resolve("store"));
    MediaProcessRunner runner = new MediaProcessRunner(MediaSettings.defaults(dir.resolve("work")));
    TrackManifest manifest =
        PublishedTracks.publish(
            store,
            runner,
            "bench",
            master,
            EnumSet.of(OutputFormat.MP3_320),
            new TrackMetadata(
                "Bench", "AudioStems", null, null, null, null, null, null, null, null, null, null));
    WatermarkKeyring keys =
        WatermarkKeyring.of(
            List.of(
                new WatermarkKeyring.KeyEntry(
                    "bench",
                    Base64.getEncoder()
                        .encodeToString("benchmark key, 32 random bytes!!".getBytes()))),
            "bench",
            "bench.keys");
    // The store took the file in; ffmpeg reads the stored master, as the marked copy does.
    Path storedMaster = store.pathOf(manifest.source().key());
    DeliveryActivitiesImpl delivery =
        new DeliveryActivitiesImpl(runner, store, new JaudiotaggerOutputTagger(), keys);
    OutputSpec mp3 = new OutputSpec(OutputFormat.MP3_320, "bench/raw.mp3", 44_100, 0, 2, 320);

    System.out.printf(
        Locale.ROOT,
        "Track: %.0f s, 44.1 kHz/24-bit stereo WAV; MP3 320k; %d cores; %d runs each%n",
        trackSeconds,
        Runtime.getRuntime().availableProcessors(),
        runs);
    double[] raw = new double[runs];
    double[] marked = new double[runs];
    for (int run = 0; run < runs; run++) {
      List<String> command = runner.ffmpegCommand();
      command.addAll(
          EncoderArguments.lane(
              storedMaster,
              manifest.source().probe(),
              List.of(new EncoderArguments.LaneOutput(mp3, dir.resolve("raw-" + run + ".mp3"))),
              runner.settings().maxOutputBytes()));
      long start = System.nanoTime();
      Process ffmpeg =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectErrorStream(true)
              .start();
      if (ffmpeg.waitFor() != 0) {
        throw new IllegalStateException("ffmpeg failed: " + command);
      }
      raw[run] = (System.nanoTime() - start) / 1e9;

      String licence = LicenceIds.newId();
      start = System.nanoTime();
      var copy =
          delivery.make(
              new MarkedCopyRequest(licence, "bench", "Bench Licensee", OutputFormat.MP3_320),
              f -> {});
      marked[run] = (System.nanoTime() - start) / 1e9;
      if (copy.reused()) {
        throw new IllegalStateException("a new licence's copy was reused");
      }
      System.out.printf(
          Locale.ROOT,
          "run %d: ffmpeg alone %.2f s, marked copy %.2f s%n",
          run + 1,
          raw[run],
          marked[run]);
    }
    System.out.printf(
        Locale.ROOT, "%nmedian ffmpeg alone (master -> MP3 320k): %6.2f s%n", median(raw));
    System.out.printf(
        Locale.ROOT, "median marked copy (activity end to end): %6.2f s%n", median(marked));
    System.out.printf(
        Locale.ROOT,
        "ratio marked copy / ffmpeg alone:         %6.2f (goal <= 1.3)%n",
        median(marked) / median(raw));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
