package com.audiostems.activities.quality.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.quality.summary.QualitySummaries;
import org.junit.jupiter.api.Test;

class QualitySummaryColumnsTest {

  /** The analysis keeps the summaries; each column must land on one pixel of the default images. */
  @Test
  void theAnalysisSummariesHaveOneColumnPerPixelOfTheDefaultImages() {
    assertThat(QualitySummaries.WAVEFORM_COLUMNS)
        .isEqualTo(WaveformImage.plotWidth(WaveformImage.DEFAULT_WIDTH));
    assertThat(QualitySummaries.SPECTROGRAM_COLUMNS)
        .isEqualTo(SpectrogramImage.plotWidth(SpectrogramImage.DEFAULT_WIDTH));
  }
}
