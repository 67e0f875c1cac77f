package com.audiostems.dsp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a lossless render of General MIDI instruments (band-limited samples, a sharp cut at
 * 19.4 kHz) was told it "looks like it was made from a lossy copy". Renders by fluidsynth of four
 * GM programmes and the drum kit, in three Debian sound fonts (FluidR3_GM, TimGM6mb and
 * MuseScore_General, whose samples are themselves Ogg Vorbis), at 44.1 and 48 kHz, must never be
 * accused; their MP3 and AAC transcodes at 128 kbps (ffmpeg's libmp3lame and aac), decoded to
 * 16-bit, are still caught where the render's own spectrum reaches the encoder's low-pass.
 *
 * <p>These pieces (programmes 10, 42, 74, 106 and the kit, seeds 5000+) are drawn from the bench's
 * second held-out set (bench/transcode-alarm.sh), made after the rule's constants were chosen on
 * the first two sets.
 */
class SynthRenderTranscodeTest {
  private static final List<String> FONTS =
      List.of("sf2/FluidR3_GM.sf2", "sf2/TimGM6mb.sf2", "sf3/MuseScore_General_Full.sf3");
  private static final Path SOUNDS = Path.of("/usr/share/sounds");

  /**
   * A floor against a rule that catches nothing, not the measured figure: on the bench's held-out
   * renders the rule caught 73 % of the 128k MP3s and 58 % of the 128k AACs whose render reached
   * their low-pass (the long-term rule alone: 79 % and 67 %).
   */
  private static final double MIN_CAUGHT_SHARE = 1 / 3.0;

  @TempDir Path temp;

  private record Judged(String name, boolean lossless, boolean accused, boolean fullBand) {}

  @Test
  void noLosslessSynthRenderIsAccusedAndItsTranscodesAreStillCaught() throws Exception {
    for (String font : FONTS) {
      assertThat(SOUNDS.resolve(font))
          .as(
              "apt-get install fluidsynth fluid-soundfont-gm timgm6mb-soundfont"
                  + " musescore-general-soundfont (see .ci/run)")
          .exists();
    }
    List<Path> midis = new ArrayList<>();
    for (int p = 10; p < 128; p += 32) {
      midis.add(TranscodeAlarmBench.writeMidi(temp.resolve("p" + p + ".mid"), p, false, 5000 + p));
    }
    midis.add(TranscodeAlarmBench.writeMidi(temp.resolve("drums.mid"), 0, true, 5007));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<Judged>>> futures = new ArrayList<>();
    int i = 0;
    for (String font : FONTS) {
      for (Path midi : midis) {
        int rateHz = i++ % 2 == 0 ? 44_100 : 48_000;
        futures.add(pool.submit(() -> judge(font, midi, rateHz)));
      }
    }
    List<String> accusedRenders = new ArrayList<>();
    int fullBandTranscodes = 0;
    int caught = 0;
    for (Future<List<Judged>> f : futures) {
      for (Judged j : f.get()) {
        System.out.printf(
            Locale.ROOT,
            "%-52s %-8s %s%n",
            j.name(),
            j.lossless() ? "lossless" : "lossy",
            j.accused() ? "ACCUSED" : "-");
        if (j.lossless() && j.accused()) {
          accusedRenders.add(j.name());
        }
        if (!j.lossless() && j.fullBand()) {
          fullBandTranscodes++;
          caught += j.accused() ? 1 : 0;
        }
      }
    }
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "renders accused: %d; transcodes of full-band renders caught: %d of %d%n",
        accusedRenders.size(),
        caught,
        fullBandTranscodes);

    assertThat(accusedRenders).as("lossless renders accused of being transcodes").isEmpty();
    assertThat(fullBandTranscodes).as("transcodes whose render reaches the low-pass").isPositive();
    assertThat((double) caught / fullBandTranscodes).isGreaterThanOrEqualTo(MIN_CAUGHT_SHARE);
  }

  /** The render, then its MP3 and AAC transcodes at 128 kbps decoded to 16-bit WAV. */
  private List<Judged> judge(String font, Path midi, int rateHz) throws Exception {
    String name =
        font.replaceAll(".*/|\\..*", "")
            + "/"
            + midi.getFileName().toString().replace(".mid", "")
            + "@"
            + rateHz;
    Path dir = Files.createDirectories(temp.resolve(name.replace('/', '-')));
    Path render = dir.resolve("render.wav");
    TranscodeAlarmBench.run(
        List.of(
            "fluidsynth",
            "-q",
            "-ni",
            "-F",
            render.toString(),
            "-r",
            String.valueOf(rateHz),
            SOUNDS.resolve(font).toString(),
            midi.toString()));
    QualityReport original = TranscodeAlarmBench.check(render, rateHz);
    SpectralCutoff own =
        new SpectralCutoff(
            original.measurements().get("cutoff.found") > 0,
            original.measurements().get("cutoff.hz"),
            0);
    boolean fullBand = !own.found() || own.cutoffHz() >= 0.94 * rateHz / 2;
    List<Judged> out = new ArrayList<>();
    out.add(new Judged(name, true, accused(original), fullBand));
    for (String[] codec : new String[][] {{"mp3", "libmp3lame"}, {"m4a", "aac"}}) {
      Path coded = dir.resolve("t." + codec[0]);
      Path decoded = dir.resolve(codec[0] + ".wav");
      TranscodeAlarmBench.ffmpeg(render, coded, "-c:a", codec[1], "-b:a", "128k");
      TranscodeAlarmBench.ffmpeg(
          coded, decoded, "-c:a", "pcm_s16le", "-ar", String.valueOf(rateHz));
      QualityReport report = TranscodeAlarmBench.check(decoded, rateHz);
      out.add(new Judged(name + " " + codec[1] + " 128k", false, accused(report), fullBand));
    }
    return out;
  }

  private static boolean accused(QualityReport report) {
    return !report.findings(LossyTranscodeCheck.CODE).isEmpty();
  }
}
