package com.audiostems.activities.quality.render;

import static com.audiostems.activities.quality.render.RenderGroundTruth.*;
import static com.audiostems.dsp.quality.summary.SummarySignals.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.Severity;
import com.audiostems.dsp.quality.summary.WaveformSummary;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QualityRenderWaveformTest {

  private static final int W = WaveformImage.DEFAULT_WIDTH;
  private static final int H = WaveformImage.DEFAULT_HEIGHT;

  private static WaveformSummary clippedSummary() {
    return WaveformSummary.of(clippedStereo(), RATE_48K, WaveformImage.plotWidth(W));
  }

  @Test
  void rendersHeadless() {
    WaveformImage.render(clippedSummary(), List.of());
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void pngDecodesAtTheRequestedSize() throws Exception {
    for (int[] size : new int[][] {{W, H}, {800, 200}, {1200, 500}}) {
      BufferedImage image = WaveformImage.render(clippedSummary(), List.of(), size[0], size[1]);
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Png.bytes(image)));
      assertThat(decoded).isNotNull();
      assertThat(decoded.getWidth()).isEqualTo(size[0]);
      assertThat(decoded.getHeight()).isEqualTo(size[1]);
    }
  }

  @Test
  void clippedSpanIsRedAtItsColumnsInItsChannelOnly() {
    BufferedImage image = WaveformImage.render(clippedSummary(), List.of());
    PlotArea plot = WaveformImage.plotArea(W, H);
    PlotArea left = WaveformImage.lane(W, H, 2, 0);
    PlotArea right = WaveformImage.lane(W, H, 2, 1);
    int inside0 = expectedX(plot, CLIP_START_S, CLIPPED_TRACK_S) + 2;
    int inside1 = expectedX(plot, CLIP_END_S, CLIPPED_TRACK_S) - 2;
    // The tick on the lane's top edge, one row in, and the bar at full scale.
    for (int x = inside0; x <= inside1; x++) {
      assertThat(reddish(image.getRGB(x, left.y() + 1))).as("left lane top at x=%d", x).isTrue();
      assertThat(reddish(image.getRGB(x, left.bottom() - 2)))
          .as("left lane bottom at x=%d", x)
          .isTrue();
      assertThat(reddish(image.getRGB(x, right.y() + 1))).as("right lane at x=%d", x).isFalse();
    }
    int redOutside = 0;
    for (int x = plot.x(); x < plot.right(); x++) {
      boolean outside =
          x < expectedX(plot, CLIP_START_S, CLIPPED_TRACK_S) - 1
              || x > expectedX(plot, CLIP_END_S, CLIPPED_TRACK_S) + 1;
      if (outside) {
        for (int y = plot.y(); y < plot.bottom(); y++) {
          if (reddish(image.getRGB(x, y))) {
            redOutside++;
          }
        }
      }
    }
    assertThat(redOutside).isZero();
  }

  @Test
  void findingSpanIsShadedBetweenItsColumnsAndNowhereElse() {
    Finding span =
        new Finding("dropout", Severity.WARNING, 0.4, 0.1, "s", SPAN_START_S, SPAN_END_S, "A gap.");
    Finding whole =
        new Finding("dc-offset", Severity.ERROR, 0.02, 0.01, "", 0, CLIPPED_TRACK_S, "Offset.");
    BufferedImage plain = WaveformImage.render(clippedSummary(), List.of());
    BufferedImage marked = WaveformImage.render(clippedSummary(), List.of(span, whole));
    PlotArea plot = WaveformImage.plotArea(W, H);
    PlotArea right = WaveformImage.lane(W, H, 2, 1);
    // Amplitude 0.75 lies between the 0 dBFS and -6 dBFS lines, above the 0.5 peaks: lane
    // background.
    int y = WaveformImage.yForAmplitude(right, 0.75);
    int x0 = expectedX(plot, SPAN_START_S, CLIPPED_TRACK_S);
    int x1 = expectedX(plot, SPAN_END_S, CLIPPED_TRACK_S);
    int background = plain.getRGB(x0 + 10, y);
    for (int x = x0 + 1; x < x1 - 1; x++) {
      int rgb = marked.getRGB(x, y);
      assertThat(rgb).as("x=%d", x).isNotEqualTo(background);
      // Amber over near-white: red stays high, blue drops.
      assertThat((rgb >> 16) & 0xff).isGreaterThan(rgb & 0xff);
    }
    // Outside the span (beyond its one-pixel edges) nothing changed: the whole-file finding is
    // not shaded over the image.
    for (int x = plot.x(); x < plot.right(); x++) {
      if (x < x0 - 1 || x > x1 + 1) {
        assertThat(marked.getRGB(x, y)).as("x=%d", x).isEqualTo(plain.getRGB(x, y));
      }
    }
  }

  @Test
  void referenceLevelsAreLabelledInTheLeftMargin() {
    BufferedImage image = WaveformImage.render(clippedSummary(), List.of());
    for (int ch = 0; ch < 2; ch++) {
      PlotArea lane = WaveformImage.lane(W, H, 2, ch);
      for (double db : new double[] {0, -6}) {
        int y = WaveformImage.yForAmplitude(lane, Math.pow(10, db / 20));
        int ink = 0;
        for (int x = 0; x < lane.x() - 2; x++) {
          for (int dy = -6; dy <= 6; dy++) {
            ink += luminance(image.getRGB(x, y + dy)) < 128 ? 1 : 0;
          }
        }
        assertThat(ink).as("label of %s dBFS in lane %d", db, ch).isGreaterThan(5);
      }
    }
  }

  @Test
  void anEmptyOrShortTrackStillRenders() {
    WaveformSummary empty = new WaveformSummary(1, RATE_48K, 0, 100);
    assertThat(WaveformImage.render(empty, null).getWidth()).isEqualTo(W);
    WaveformSummary shortTrack =
        WaveformSummary.of(new float[][] {sine(440, 0.5, RATE_48K, 0.001)}, RATE_48K, 1000);
    assertThat(WaveformImage.render(shortTrack, List.of()).getHeight()).isEqualTo(H);
    WaveformSummary six = WaveformSummary.of(new float[6][4800], RATE_48K, 100);
    assertThat(WaveformImage.render(six, List.of()).getHeight()).isEqualTo(H);
  }
}
