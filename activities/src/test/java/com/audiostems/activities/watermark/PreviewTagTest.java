package com.audiostems.activities.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.testing.TestAudio;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audible tag: a configured sample file instead of the tone, and the headroom rule. */
class PreviewTagTest {
  static final int RATE = 48_000;

  @TempDir Path temp;

  @Test
  void aConfiguredSampleIsMixedAtItsPeakLevelWhereTheTagsGo() throws IOException {
    // A 0.3 s chirp at 44.1 kHz, decoded and resampled to the preview's 48 kHz by ffmpeg.
    int sampleRate = 44_100;
    double[] chirp = new double[(int) (0.3 * sampleRate)];
    for (int i = 0; i < chirp.length; i++) {
      double t = (double) i / sampleRate;
      chirp[i] = 0.5 * Math.sin(2 * Math.PI * (500 * t + 3000 * t * t));
    }
    Path sample = TestAudio.writeWav(temp.resolve("voice.wav"), chirp, sampleRate, 16, 1);
    PreviewTagSettings settings =
        new PreviewTagSettings(Duration.ofSeconds(4), -26, 1000, Duration.ofMillis(400), sample);
    PcmDecoder decoder =
        new PcmDecoder(new MediaProcessRunner(MediaSettings.defaults(temp.resolve("work"))));
    PreviewTag tag = PreviewTag.forRate(settings, RATE, decoder);
    assertThat(tag.lengthSeconds()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));

    float[][] silence = new float[2][10 * RATE];
    assertThat(tag.mixInto(silence)).containsExactly(2.0, 6.0);

    float[] expected = MarkableAudio.decode(sample, RATE, 1)[0];
    for (double start : new double[] {2.0, 6.0}) {
      assertThat(correlation(silence[0], (int) (start * RATE), expected))
          .as("sample at %.0f s", start)
          .isGreaterThan(0.99);
      assertThat(peak(silence[1], (int) (start * RATE), expected.length))
          .isCloseTo(Math.pow(10, -26 / 20.0), org.assertj.core.data.Offset.offset(0.002));
    }
    assertThat(peak(silence[0], 0, 2 * RATE)).as("nothing before the first tag").isEqualTo(0.0);
    assertThat(peak(silence[0], (int) (2.4 * RATE), (int) (3.5 * RATE)))
        .as("nothing between tags")
        .isEqualTo(0.0);
  }

  @Test
  void loudMusicIsLoweredUnderTheTagRatherThanClipped() throws IOException {
    PreviewTagSettings settings =
        new PreviewTagSettings(Duration.ofSeconds(4), -6, 1000, Duration.ofMillis(400), null);
    PreviewTag tag = PreviewTag.forRate(settings, RATE, null);
    float[][] loud = new float[1][6 * RATE];
    for (int i = 0; i < loud[0].length; i++) {
      loud[0][i] = (float) (0.95 * Math.sin(2 * Math.PI * 220 * i / RATE));
    }
    tag.mixInto(loud);
    assertThat(peak(loud[0], 0, loud[0].length)).isLessThanOrEqualTo(PreviewTag.HEADROOM + 1e-6f);
    assertThat(MarkableAudio.toneLevelDb(loud[0], RATE, 1000, 2.1, 0.2))
        .isCloseTo(-6, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void aMissingSampleFileIsNamedWithItsSetting() {
    PreviewTagSettings settings =
        new PreviewTagSettings(
            Duration.ofSeconds(4), -26, 1000, Duration.ofMillis(400), temp.resolve("missing.wav"));
    assertThatThrownBy(() -> PreviewTag.forRate(settings, RATE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.wav")
        .hasMessageContaining("audiostems.watermark.preview-tag.sample-file");
  }

  private static double correlation(float[] x, int offset, float[] y) {
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < y.length; i++) {
      xy += x[offset + i] * y[i];
      xx += x[offset + i] * x[offset + i];
      yy += y[i] * y[i];
    }
    return xy / Math.sqrt(xx * yy);
  }

  private static double peak(float[] x, int offset, int length) {
    float peak = 0;
    for (int i = offset; i < Math.min(x.length, offset + length); i++) {
      peak = Math.max(peak, Math.abs(x[i]));
    }
    return peak;
  }
}
