package com.audiostems.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.testing.PublishedTracks;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.activities.watermark.WatermarkReader;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.WatermarkDetection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's attack table on delivered copies: 10 s and 15 s excerpts of a licensee's MP3 320k
 * and AAC 256k copies, cut and attacked with ffmpeg (white noise added in Java), read back by the
 * production reader. Printed as found/total per cell. The floor is the watermark suite's
 * (WatermarkRobustnessTest): every one of these attacks found in every excerpt of 10 s or more. No
 * detection in the track's unmarked published outputs.
 */
class MarkedCopyRobustnessTest {
  static final String LICENCE = "0b5e55ed00000000000000000000aa";
  static final double[] LENGTHS_SECONDS = {10, 15};
  static final double[][] STARTS_SECONDS = {{2.3, 13.9}, {1.1, 11.7}};

  @TempDir Path temp;

  /** An attack: ffmpeg output arguments and the attacked file's extension. */
  record Attack(String name, String extension, List<String> args) {}

  static List<Attack> attacks() {
    return List.of(
        new Attack("none", "wav", List.of()),
        new Attack("mp3 128k", "mp3", List.of("-c:a", "libmp3lame", "-b:a", "128k")),
        new Attack("mp3 64k", "mp3", List.of("-c:a", "libmp3lame", "-b:a", "64k")),
        new Attack("aac 128k", "m4a", List.of("-c:a", "aac", "-b:a", "128k")),
        new Attack("aac 64k", "m4a", List.of("-c:a", "aac", "-b:a", "64k")),
        new Attack("vorbis q3", "ogg", List.of("-c:a", "libvorbis", "-q:a", "3")),
        new Attack("resample 48k", "wav", List.of("-ar", "48000")),
        new Attack("resample 22.05k", "wav", List.of("-ar", "22050")),
        new Attack("gain +6 dB", "wav", List.of("-af", "volume=6dB", "-c:a", "pcm_s16le")),
        new Attack("gain -6 dB", "wav", List.of("-af", "volume=-6dB", "-c:a", "pcm_s16le")),
        new Attack("mono", "wav", List.of("-ac", "1")),
        new Attack("noise 20 dB", "wav", List.of()), // the noise is added in Java after the cut
        new Attack("speed +1%", "wav", List.of("-af", "asetrate=44541,aresample=44100")),
        new Attack("speed -1%", "wav", List.of("-af", "asetrate=43659,aresample=44100")));
  }

  @Test
  void deliveredLossyCopiesKeepTheirMarkThroughThePreviewsAttacksAndUnmarkedOutputsShowNone()
      throws IOException {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("store"));
    MediaProcessRunner runner =
        new MediaProcessRunner(MediaSettings.defaults(temp.resolve("work")));
    Path master = MarkableAudio.wav(temp.resolve("master.wav"), 44_100, 2, 32);
    PublishedTracks.publish(
        store,
        runner,
        "robust",
        master,
        EnumSet.of(OutputFormat.MP3_320, OutputFormat.AAC_256),
        TrackMetadata.empty());
    DeliveryActivitiesImpl delivery =
        new DeliveryActivitiesImpl(
            runner, store, new JaudiotaggerOutputTagger(), DeliveryActivitiesImplTest.KEYS);
    WatermarkReader reader =
        new WatermarkReader(runner, DeliveryActivitiesImplTest.KEYS, new WatermarkRegistry(store));
    String payload = LicencePayloads.forLicence(LICENCE);

    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%-16s", "attack"));
    for (OutputFormat format : List.of(OutputFormat.MP3_320, OutputFormat.AAC_256)) {
      for (double length : LENGTHS_SECONDS) {
        table.append(String.format(Locale.ROOT, " | %-7s %2.0f s", shortName(format), length));
      }
    }
    table.append('\n');
    Map<String, String> belowFloor = new LinkedHashMap<>();
    Map<Attack, StringBuilder> rows = new LinkedHashMap<>();
    attacks()
        .forEach(
            a -> rows.put(a, new StringBuilder(String.format(Locale.ROOT, "%-16s", a.name()))));
    int file = 0;
    for (OutputFormat format : List.of(OutputFormat.MP3_320, OutputFormat.AAC_256)) {
      MarkedCopy copy =
          delivery.make(new MarkedCopyRequest(LICENCE, "robust", "Leaky Ltd", format), f -> {});
      Path copyFile = store.pathOf(copy.key());
      for (int l = 0; l < LENGTHS_SECONDS.length; l++) {
        double length = LENGTHS_SECONDS[l];
        for (Attack attack : attacks()) {
          int found = 0;
          int total = 0;
          for (double start : STARTS_SECONDS[l]) {
            Path attacked = attack(copyFile, start, length, attack, temp.resolve("a" + file++));
            WatermarkDetection detection = reader.read(attacked, f -> {});
            total++;
            if (detection.found()) {
              assertThat(detection.payloadId())
                  .as("payload after " + attack.name())
                  .isEqualTo(payload);
              assertThat(detection.licenceId()).isEqualTo(LICENCE);
              found++;
            }
          }
          rows.get(attack).append(String.format(Locale.ROOT, " | %8d/%d  ", found, total));
          if (found < total) {
            belowFloor.put(
                shortName(format) + " " + attack.name() + " @" + (int) length + " s",
                found + "/" + total);
          }
        }
      }
    }
    rows.values().forEach(r -> table.append(r).append('\n'));

    // Unmarked audio: the track's published outputs (no preview mark on them) and the master.
    int falsePositives = 0;
    int unmarkedChecks = 0;
    List<Path> unmarked = new ArrayList<>();
    unmarked.add(store.pathOf(BlobKeys.outputKey("robust", 1, OutputFormat.MP3_320)));
    unmarked.add(store.pathOf(BlobKeys.outputKey("robust", 1, OutputFormat.AAC_256)));
    unmarked.add(store.pathOf(BlobKeys.sourceKey("robust", "master.wav")));
    for (Path source : unmarked) {
      for (int l = 0; l < LENGTHS_SECONDS.length; l++) {
        for (double start : STARTS_SECONDS[l]) {
          for (Attack attack : List.of(attacks().get(0), attacks().get(1))) {
            Path cut =
                attack(source, start, LENGTHS_SECONDS[l], attack, temp.resolve("u" + file++));
            unmarkedChecks++;
            if (reader.read(cut, f -> {}).found()) {
              falsePositives++;
            }
          }
        }
      }
      unmarkedChecks++;
      if (reader.read(source, f -> {}).found()) {
        falsePositives++;
      }
    }
    System.out.print(
        "marked-copy robustness (found/total excerpts per cell, licence payload, key k1):\n"
            + table);
    System.out.printf(
        Locale.ROOT,
        "unmarked audio: %d detections in %d checks; below the floor: %s%n",
        falsePositives,
        unmarkedChecks,
        belowFloor);
    assertThat(falsePositives).as("detections in unmarked audio").isZero();
    assertThat(belowFloor).as("cells below the watermark suite's floor (every excerpt)").isEmpty();
  }

  private static String shortName(OutputFormat format) {
    return format == OutputFormat.MP3_320 ? "mp3-320" : "aac-256";
  }

  /** The excerpt cut from {@code source} and attacked; white noise at 20 dB SNR is added here. */
  private static Path attack(Path source, double start, double length, Attack attack, Path base)
      throws IOException {
    Path out = Path.of(base + "." + attack.extension());
    List<String> command =
        new ArrayList<>(
            List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-ss",
                Double.toString(start),
                "-t",
                Double.toString(length),
                "-i",
                source.toString()));
    command.addAll(attack.args());
    command.add(out.toString());
    TestAudio.run(command);
    if (!attack.name().startsWith("noise")) {
      return out;
    }
    float[][] channels = MarkableAudio.decode(out, 44_100, 2);
    double power = 0;
    for (float[] channel : channels) {
      for (float x : channel) {
        power += x * x;
      }
    }
    power /= channels.length * (double) channels[0].length;
    double sigma = Math.sqrt(power / Math.pow(10, 20 / 10.0));
    Random random = new Random(start > 5 ? 7 : 11);
    for (float[] channel : channels) {
      for (int i = 0; i < channel.length; i++) {
        channel[i] += (float) (sigma * random.nextGaussian());
      }
    }
    return MarkableAudio.writeWav(Path.of(base + "-noisy.wav"), channels, 44_100);
  }
}
