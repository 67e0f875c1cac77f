/**
 * The human side of the quality report, rendered by the project: a waveform PNG ({@link
 * com.audiostems.activities.quality.render.WaveformImage} from a streaming {@link
 * com.audiostems.dsp.quality.summary.WaveformSummary}), a full-bandwidth spectrogram PNG ({@link
 * com.audiostems.activities.quality.render.SpectrogramImage} from a streaming {@link
 * com.audiostems.dsp.quality.summary.SpectrogramSummary}), both with the findings marked on them,
 * and a self-contained HTML page ({@link com.audiostems.activities.quality.render.QualityPage}).
 *
 * <p>Pure JDK (Java2D, ImageIO) and the project's FFT; everything renders into off-screen {@link
 * java.awt.image.BufferedImage}s, so it runs headless: loading these classes sets {@code
 * java.awt.headless=true} unless the property was already set.
 */
package com.audiostems.activities.quality.render;
