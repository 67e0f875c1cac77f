package com.audiostems.dsp.quality.summary;

/**
 * Both summaries behind the quality report's pictures, fed once from the decoder's blocks: a {@link
 * WaveformSummary} and a {@link SpectrogramSummary} with one column per pixel of the default
 * images' plots. The pictures themselves are drawn outside the DSP (activities' {@code
 * quality.render}), from these summaries and the findings.
 *
 * <pre>{@code
 * QualitySummaries summaries = new QualitySummaries(channels, sourceRateHz, totalFrames);
 * for each block: summaries.accept(block, frames);
 * }</pre>
 */
public final class QualitySummaries {

  /**
   * Waveform columns: the plot of the default 1600-pixel-wide waveform image (1600 − 44 − 12 px of
   * axes).
   */
  public static final int WAVEFORM_COLUMNS = 1544;

  /**
   * Spectrogram columns: the plot of the default 1600-pixel-wide spectrogram image (1600 − 2 · 52
   * px of axes).
   */
  public static final int SPECTROGRAM_COLUMNS = 1496;

  private final WaveformSummary waveform;
  private final SpectrogramSummary spectrogram;

  /**
   * @param channelCount channels of every block
   * @param sampleRateHz the source rate
   * @param totalFrames the track's length in frames (as announced by the decoder)
   */
  public QualitySummaries(int channelCount, int sampleRateHz, long totalFrames) {
    this.waveform = new WaveformSummary(channelCount, sampleRateHz, totalFrames, WAVEFORM_COLUMNS);
    this.spectrogram =
        new SpectrogramSummary(channelCount, sampleRateHz, totalFrames, SPECTROGRAM_COLUMNS);
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    waveform.accept(block, frames);
    spectrogram.accept(block, frames);
  }

  /** The next {@code frames} frames, read from {@code block[channel][offset ..]}. */
  public void accept(float[][] block, int offset, int frames) {
    waveform.accept(block, offset, frames);
    spectrogram.accept(block, offset, frames);
  }

  public WaveformSummary waveform() {
    return waveform;
  }

  public SpectrogramSummary spectrogram() {
    return spectrogram;
  }
}
