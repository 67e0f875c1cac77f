package com.audiostems.dsp.quality.render;

import com.audiostems.dsp.quality.Finding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Both pictures of the quality report, fed once from the decoder's blocks: a {@link
 * WaveformSummary} and a {@link SpectrogramSummary} sized for the default images (1600 x 300 and
 * 1600 x 400), then rendered with the findings once the checks are done.
 *
 * <pre>{@code
 * QualityImages images = new QualityImages(channels, sourceRateHz, totalFrames);
 * for each block: images.accept(block, frames);
 * images.writePngs(dir.resolve("waveform.png"), dir.resolve("spectrogram.png"), findings);
 * }</pre>
 */
public final class QualityImages {

  private final WaveformSummary waveform;
  private final SpectrogramSummary spectrogram;

  public QualityImages(int channelCount, int sampleRateHz, long totalFrames) {
    this.waveform = new WaveformSummary(channelCount, sampleRateHz, totalFrames, WaveformImage.plotWidth(WaveformImage.DEFAULT_WIDTH));
    this.spectrogram = new SpectrogramSummary(channelCount, sampleRateHz, totalFrames, SpectrogramImage.plotWidth(SpectrogramImage.DEFAULT_WIDTH));
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

  public BufferedImage waveformImage(List<Finding> findings) {
    return WaveformImage.render(waveform, findings);
  }

  public BufferedImage spectrogramImage(List<Finding> findings) {
    return SpectrogramImage.render(spectrogram, findings);
  }

  /** Renders both images and writes them as PNG files. */
  public void writePngs(Path waveformPng, Path spectrogramPng, List<Finding> findings) throws IOException {
    Png.write(waveformImage(findings), waveformPng);
    Png.write(spectrogramImage(findings), spectrogramPng);
  }
}
