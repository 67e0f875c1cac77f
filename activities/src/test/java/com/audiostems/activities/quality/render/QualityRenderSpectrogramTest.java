package com.audiostems.activities.quality.render;

import static com.audiostems.activities.quality.render.RenderGroundTruth.*;
import static com.audiostems.dsp.quality.summary.SummarySignals.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.quality.render.SpectrogramImage.FrequencyScale;
import com.audiostems.activities.quality.render.SpectrogramImage.Options;
import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.Severity;
import com.audiostems.dsp.quality.summary.SpectrogramSummary;
import com.audiostems.dsp.signal.Stft;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QualityRenderSpectrogramTest {

  private static final int W = SpectrogramImage.DEFAULT_WIDTH;
  private static final int H = SpectrogramImage.DEFAULT_HEIGHT;
  private static final int COLUMNS = SpectrogramImage.plotWidth(W);
  private static final PlotArea PLOT = SpectrogramImage.plotArea(W, H);

  private static BufferedImage sineImage(double hz) {
    float[] x = sine(hz, 0.5, RATE_48K, 5);
    return SpectrogramImage.render(
        SpectrogramSummary.of(new float[][] {x, x}, RATE_48K, COLUMNS), List.of());
  }

  @Test
  void pngDecodesAtTheRequestedSize() throws Exception {
    float[] x = sine(1000, 0.5, RATE_48K, 2);
    SpectrogramSummary s = SpectrogramSummary.of(new float[][] {x}, RATE_48K, 300);
    for (int[] size : new int[][] {{W, H}, {800, 300}}) {
      BufferedImage image =
          SpectrogramImage.render(s, List.of(), Options.defaults().withSize(size[0], size[1]));
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Png.bytes(image)));
      assertThat(decoded.getWidth()).isEqualTo(size[0]);
      assertThat(decoded.getHeight()).isEqualTo(size[1]);
    }
  }

  @Test
  void oneKilohertzAndTenKilohertzLightTheirOwnRows() {
    BufferedImage low = sineImage(1000);
    BufferedImage high = sineImage(10_000);
    int row1k = expectedLogRow(PLOT, 1000, RATE_48K / 2.0);
    int row10k = expectedLogRow(PLOT, 10_000, RATE_48K / 2.0);
    assertThat(row1k).isEqualTo(180);
    assertThat(row10k).isEqualTo(65);
    assertThat(brightestRow(low, PLOT)).isBetween(row1k - 1, row1k + 1);
    assertThat(brightestRow(high, PLOT)).isBetween(row10k - 1, row10k + 1);
    // Each row is bright in its own image and dark in the other.
    assertThat(rowLuminance(low, PLOT, row1k)).isGreaterThan(150);
    assertThat(rowLuminance(high, PLOT, row1k)).isLessThan(40);
    assertThat(rowLuminance(high, PLOT, row10k)).isGreaterThan(150);
    assertThat(rowLuminance(low, PLOT, row10k)).isLessThan(40);
  }

  @Test
  void aSixteenKilohertzCutOffLeavesTheRowsAboveItDark() {
    float[] x = bandLimitedNoise(RATE_44K, CUTOFF_HZ, 0.2, 10, 11);
    SpectrogramSummary s = SpectrogramSummary.of(new float[][] {x, x}, RATE_44K, COLUMNS);
    Finding cutOff =
        new Finding(
            "lossy-transcode",
            Severity.WARNING,
            CUTOFF_HZ,
            19_000,
            "Hz",
            0,
            10,
            "Cut-off at 16 kHz.");
    BufferedImage plain = SpectrogramImage.render(s, List.of());
    BufferedImage marked = SpectrogramImage.render(s, List.of(cutOff));
    double nyquist = RATE_44K / 2.0;
    int rowCut = expectedLogRow(PLOT, CUTOFF_HZ, nyquist);
    assertThat(rowCut).isEqualTo(38);
    // Above the cut-off (17 kHz .. Nyquist): black; below (200 Hz .. 15 kHz): bright.
    for (int y = PLOT.y(); y <= expectedLogRow(PLOT, 17_000, nyquist); y++) {
      assertThat(rowLuminance(plain, PLOT, y)).as("row %d", y).isLessThan(20);
    }
    for (int y = expectedLogRow(PLOT, 15_000, nyquist);
        y <= expectedLogRow(PLOT, 200, nyquist);
        y++) {
      assertThat(rowLuminance(plain, PLOT, y)).as("row %d", y).isGreaterThan(80);
    }
    // The finding is a dashed line in WARNING's colour at 16 kHz across the whole width (a
    // colour the map never produces), absent from the unmarked image.
    int line = Palette.onDark(Severity.WARNING).getRGB();
    int markedCount = 0;
    int plainCount = 0;
    for (int y = rowCut - 1; y <= rowCut + 1; y++) {
      for (int px = PLOT.x(); px < PLOT.right(); px++) {
        markedCount += marked.getRGB(px, y) == line ? 1 : 0;
        plainCount += plain.getRGB(px, y) == line ? 1 : 0;
      }
    }
    assertThat(markedCount).isGreaterThan(PLOT.width() / 2);
    assertThat(plainCount).isZero();
  }

  @Test
  void anUpsampledFileShowsAnEmptyTopHalfOnALinearAxis() {
    // 44.1 kHz content (nothing above 22.05 kHz) at 96 kHz: the top half up to 48 kHz is empty.
    float[] x = bandLimitedNoise(RATE_96K, 22_050, 0.2, 5, 3);
    SpectrogramSummary s = SpectrogramSummary.of(new float[][] {x}, RATE_96K, COLUMNS);
    assertThat(s.nyquistHz()).isEqualTo(48_000);
    Options linear = Options.defaults().withScale(FrequencyScale.LINEAR);
    BufferedImage image = SpectrogramImage.render(s, List.of(), linear);
    // Linear axis: 24 kHz is the middle row; 23 kHz sits just above it.
    int row23k = PLOT.y() + (int) Math.floor((1 - 23_000 / 48_000.0) * PLOT.height());
    int row21k = PLOT.y() + (int) Math.floor((1 - 21_000 / 48_000.0) * PLOT.height());
    assertThat(SpectrogramImage.yForFrequency(linear, PLOT, 48_000, 23_000)).isEqualTo(row23k);
    for (int y = PLOT.y(); y <= row23k; y++) {
      assertThat(rowLuminance(image, PLOT, y)).as("row %d", y).isLessThan(20);
    }
    for (int y = row21k; y < PLOT.bottom() - 2; y++) {
      assertThat(rowLuminance(image, PLOT, y)).as("row %d", y).isGreaterThan(80);
    }
  }

  @Test
  void aTimeRangeFindingIsABarAboveThePlotAtItsColumns() {
    float[] x = sine(1000, 0.5, RATE_48K, 10);
    SpectrogramSummary s = SpectrogramSummary.of(new float[][] {x}, RATE_48K, COLUMNS);
    Finding clip = new Finding("clipping", Severity.ERROR, 0.0, -0.1, "dBFS", 2.0, 3.0, "Clipped.");
    BufferedImage image = SpectrogramImage.render(s, List.of(clip));
    int barY = PLOT.y() - 3;
    int x0 = expectedX(PLOT, 2.0, 10);
    int x1 = expectedX(PLOT, 3.0, 10);
    int error = Palette.severity(Severity.ERROR).getRGB();
    for (int px = PLOT.x(); px < PLOT.right(); px++) {
      boolean inside = px >= x0 && px < x1;
      assertThat(image.getRGB(px, barY) == error).as("x=%d", px).isEqualTo(inside);
    }
  }

  @Test
  void anAnalysisSpectrogramCanBeDrawnToo() {
    // The pipeline's own spectrogram (22.05 kHz, hop 512) reaches 11 kHz; 1 kHz lands on its row.
    int rate = 22_050;
    float[] x = sine(1000, 0.5, rate, 5);
    SpectrogramSummary s = SpectrogramSummary.of(Stft.magnitudes(x, rate, 2048, 512), 5.0, COLUMNS);
    BufferedImage image = SpectrogramImage.render(s, List.of());
    int row = expectedLogRow(PLOT, 1000, rate / 2.0);
    assertThat(brightestRow(image, PLOT)).isBetween(row - 1, row + 1);
  }

  @Test
  void shortAndSilentTracksStillRender() {
    SpectrogramSummary tiny =
        SpectrogramSummary.of(new float[][] {sine(440, 0.5, RATE_48K, 0.01)}, RATE_48K, COLUMNS);
    assertThat(tiny.framesComputed()).isEqualTo(1);
    assertThat(SpectrogramImage.render(tiny, List.of()).getWidth()).isEqualTo(W);
    SpectrogramSummary silent =
        SpectrogramSummary.of(new float[][] {new float[48_000]}, RATE_48K, COLUMNS);
    BufferedImage image = SpectrogramImage.render(silent, null);
    assertThat(rowLuminance(image, PLOT, PLOT.y() + 100)).isLessThan(5);
    SpectrogramSummary none = new SpectrogramSummary(1, RATE_48K, 0, COLUMNS);
    assertThat(SpectrogramImage.render(none, List.of()).getHeight()).isEqualTo(H);
  }
}
