package com.audiostems.activities.quality.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.Severity;
import com.audiostems.dsp.quality.summary.QualitySummaries;
import com.audiostems.dsp.quality.summary.SpectrogramSummary;
import com.audiostems.dsp.quality.summary.SummarySignals;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A 5-minute 44.1 kHz stereo track's worth of blocks through both summaries, both images and the
 * page, timed (printed, not asserted: CI machines vary). The result lands in {@code
 * target/quality-render-samples/} for a human to look at.
 *
 * <p>The track: music-like tones and band-limited noise (cut at 16 kHz, as a lossy source) under a
 * beat envelope, with a hard-clipped stretch at 1:23-1:25 and a 30 ms dropout at 2:00.
 */
class QualityRenderSpeedTest {

  private static final int RATE = 44_100;
  private static final int SECONDS = 300;
  private static final int BLOCK = 4096;

  @Test
  void fiveMinutesOfStereoRenderQuickly() throws Exception {
    float[][] track = track();
    int frames = track[0].length;
    List<Finding> findings =
        List.of(
            new Finding(
                "clipping",
                Severity.ERROR,
                0.0,
                -0.1,
                "dBFS",
                83,
                85,
                "Samples reach full scale for 2 s: re-export with a limiter or lower gain."),
            new Finding(
                "dropout",
                Severity.WARNING,
                0.03,
                0.01,
                "s",
                120,
                120.03,
                "A 30 ms gap of digital silence at 2:00."),
            new Finding(
                "lossy-transcode",
                Severity.WARNING,
                16_000,
                19_000,
                "Hz",
                0,
                SECONDS,
                "Nothing above 16 kHz: this looks like a decoded MP3; please send the original master."),
            new Finding(
                "loudness",
                Severity.INFO,
                -9.5,
                -14,
                "LUFS",
                0,
                SECONDS,
                "Integrated loudness -9.5 LUFS; streaming services will turn it down."));

    Path dir = Path.of("target", "quality-render-samples");
    Files.createDirectories(dir);
    double bestFeed = Double.MAX_VALUE;
    double bestRender = Double.MAX_VALUE;
    double bestEncode = Double.MAX_VALUE;
    QualitySummaries images = null;
    for (int run = 0; run < 3; run++) { // the first run warms up the JIT
      long t0 = System.nanoTime();
      images = new QualitySummaries(2, RATE, frames);
      for (int i = 0; i < frames; i += BLOCK) {
        images.accept(track, i, Math.min(BLOCK, frames - i));
      }
      long t1 = System.nanoTime();
      BufferedImage wave = WaveformImage.render(images.waveform(), findings);
      BufferedImage spec = SpectrogramImage.render(images.spectrogram(), findings);
      long t2 = System.nanoTime();
      Png.write(wave, dir.resolve("waveform.png"));
      Png.write(spec, dir.resolve("spectrogram.png"));
      QualityPage.write(
          new QualityPage.Content(
              "Sample track <i>(5 min)</i>",
              "sample_master_v3.wav",
              SECONDS,
              61.0,
              Map.of("Sample rate", "44.1 kHz", "Channels", "2"),
              Map.of("library", "pass", "broadcast", "fail: clipping"),
              findings,
              "waveform.png",
              "spectrogram.png"),
          dir.resolve("quality.html"));
      long t3 = System.nanoTime();
      bestFeed = Math.min(bestFeed, (t1 - t0) / 1e9);
      bestRender = Math.min(bestRender, (t2 - t1) / 1e9);
      bestEncode = Math.min(bestEncode, (t3 - t2) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "quality render, %d s of %d Hz stereo: feed %.3f s (%d FFT frames, hop %d), render %.3f s, PNG+HTML %.3f s (best of 2 after warm-up)%n",
        SECONDS,
        RATE,
        bestFeed,
        images.spectrogram().framesComputed(),
        images.spectrogram().hopSamples(),
        bestRender,
        bestEncode);
    BufferedImage wave = ImageIO.read(dir.resolve("waveform.png").toFile());
    BufferedImage spec = ImageIO.read(dir.resolve("spectrogram.png").toFile());
    assertThat(wave.getWidth()).isEqualTo(1600);
    assertThat(wave.getHeight()).isEqualTo(300);
    assertThat(spec.getWidth()).isEqualTo(1600);
    assertThat(spec.getHeight()).isEqualTo(400);
    assertThat(images.spectrogram().framesComputed())
        .isLessThanOrEqualTo(SpectrogramSummary.DEFAULT_MAX_FRAMES);
  }

  private static float[][] track() {
    int n = RATE * SECONDS;
    float[] noise = SummarySignals.bandLimitedNoise(RATE, 16_000, 1.0, SECONDS, 5);
    float[][] out = new float[2][n];
    SplittableRandom random = new SplittableRandom(9);
    double[] notes = {110, 220, 277.18, 329.63, 440, 554.37, 659.25, 880};
    double f1 = notes[0];
    double f2 = notes[4];
    double p1 = 0;
    double p2 = 0;
    for (int i = 0; i < n; i++) {
      if (i % (RATE * 2) == 0) {
        f1 = notes[random.nextInt(4)];
        f2 = notes[4 + random.nextInt(4)];
      }
      p1 += 2 * Math.PI * f1 / RATE;
      p2 += 2 * Math.PI * f2 / RATE;
      double beat = (i % (RATE / 2)) / (double) (RATE / 2);
      double env = Math.exp(-6 * beat);
      double section = 0.5 + 0.4 * Math.sin(2 * Math.PI * i / (RATE * 60.0));
      double mid = section * (0.3 * Math.sin(p1) + 0.15 * Math.sin(p2) + 0.12 * env * noise[i]);
      double side = section * 0.05 * Math.sin(p2 * 1.01);
      out[0][i] = (float) (mid + side);
      out[1][i] = (float) (mid - side);
    }
    for (int i = 83 * RATE; i < 85 * RATE; i++) {
      out[0][i] = Math.max(-1f, Math.min(1f, out[0][i] * 4));
      out[1][i] = Math.max(-1f, Math.min(1f, out[1][i] * 4));
    }
    for (int i = 120 * RATE; i < 120 * RATE + RATE * 3 / 100; i++) {
      out[0][i] = 0;
      out[1][i] = 0;
    }
    return out;
  }
}
