package com.audiostems.dsp.quality.summary;

import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Windows;

/**
 * A full-bandwidth magnitude spectrogram at the source rate, averaged into a fixed number of time
 * columns, fed block by block: the picture a quality check needs (a lossy encoder's cut-off, the
 * empty top half of an upsampled file), at a bounded cost for any track length.
 *
 * <p>The channels are averaged to mono; {@code frameSize}-point Hann frames (2048 by default) start
 * every {@link #hopSamples()} samples, with the hop chosen so that at most {@code maxFrames} (4000
 * by default) frames are computed however long the track: {@code hop = max(frameSize / 8,
 * ceil(totalFrames / maxFrames))}. For long tracks the frames sample the signal (a 5-minute 48 kHz
 * track: a 2048-sample frame every 3600 samples), which is what a picture 1500 columns wide needs.
 * Each frame's power is added to the column of its centre; a column holds the mean power of its
 * frames. Power is scaled so that a full-scale sine reads 0 dB in its bin.
 *
 * <p>A track shorter than one frame gets one zero-padded frame when it is read.
 */
public final class SpectrogramSummary {

  public static final int DEFAULT_FRAME_SIZE = 2048;
  public static final int DEFAULT_MAX_FRAMES = 4000;

  private final int channelCount;
  private final int sampleRateHz;
  private final long totalFrames;
  private final int columns;
  private final int frameSize;
  private final int hop;
  private final int bins;
  private final float[][] power;
  private final int[] frameCounts;

  // Streaming state (null once built from a Spectrogram).
  private final RealFft fft;
  private final float[] window;
  private final float[] ring;
  private final float[] frame;
  private final float[] magnitudes;
  private final double powerScale;
  private long samplesSeen;
  private long nextFrameStart;
  private int framesComputed;

  public SpectrogramSummary(int channelCount, int sampleRateHz, long totalFrames, int columns) {
    this(channelCount, sampleRateHz, totalFrames, columns, DEFAULT_FRAME_SIZE, DEFAULT_MAX_FRAMES);
  }

  /**
   * @param channelCount channels of every block (averaged to mono)
   * @param sampleRateHz the source rate: the picture reaches its Nyquist frequency
   * @param totalFrames the track's length in frames, which sets the hop and the columns' times
   * @param columns time columns to keep; activities' {@code SpectrogramImage.plotWidth(int)} maps
   *     one to one
   * @param frameSize FFT size, a power of two
   * @param maxFrames the most frames to compute for the announced length
   */
  public SpectrogramSummary(
      int channelCount,
      int sampleRateHz,
      long totalFrames,
      int columns,
      int frameSize,
      int maxFrames) {
    if (channelCount < 1) {
      throw new IllegalArgumentException("need at least one channel, got " + channelCount);
    }
    if (sampleRateHz < 1) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
    }
    if (totalFrames < 0) {
      throw new IllegalArgumentException("total frames must not be negative, got " + totalFrames);
    }
    if (columns < 1 || maxFrames < 1) {
      throw new IllegalArgumentException("need at least one column and one frame");
    }
    this.channelCount = channelCount;
    this.sampleRateHz = sampleRateHz;
    this.totalFrames = totalFrames;
    this.columns = columns;
    this.fft = new RealFft(frameSize);
    this.frameSize = frameSize;
    this.hop =
        (int) Math.max(Math.max(1, frameSize / 8), (totalFrames + maxFrames - 1) / maxFrames);
    this.bins = frameSize / 2 + 1;
    this.power = new float[columns][bins];
    this.frameCounts = new int[columns];
    this.window = Windows.hann(frameSize);
    this.ring = new float[frameSize];
    this.frame = new float[frameSize];
    this.magnitudes = new float[bins];
    // A full-scale sine under a Hann window peaks at frameSize / 4 in magnitude.
    double full = frameSize / 4.0;
    this.powerScale = 1 / (full * full);
  }

  private SpectrogramSummary(Spectrogram s, double durationSeconds, int columns) {
    this.channelCount = 1;
    this.sampleRateHz = s.sampleRateHz();
    this.totalFrames = Math.round(durationSeconds * s.sampleRateHz());
    this.columns = columns;
    this.frameSize = s.frameSizeSamples();
    this.hop = s.hopSizeSamples();
    this.bins = s.binCount();
    this.power = new float[columns][bins];
    this.frameCounts = new int[columns];
    this.fft = null;
    this.window = null;
    this.ring = null;
    this.frame = null;
    this.magnitudes = null;
    double full = frameSize / 4.0;
    this.powerScale = 1 / (full * full);
    for (int f = 0; f < s.frameCount(); f++) {
      addFrame(s.magnitudes()[f], s.frameTimeSeconds(f));
    }
    this.framesComputed = s.frameCount();
    this.samplesSeen = totalFrames;
  }

  /**
   * The columns of an existing spectrogram (frames centred on {@code frame * hop}, as {@link
   * com.audiostems.dsp.signal.Stft} makes them) over {@code durationSeconds}. Its bandwidth is its
   * own rate's: the pipeline's analysis spectrogram at 22.05 kHz stops at 11 kHz, so the quality
   * picture should stream the source instead.
   */
  public static SpectrogramSummary of(
      Spectrogram spectrogram, double durationSeconds, int columns) {
    if (columns < 1 || !(durationSeconds > 0)) {
      throw new IllegalArgumentException("need at least one column and a positive duration");
    }
    return new SpectrogramSummary(spectrogram, durationSeconds, columns);
  }

  /** The summary of a whole track held in memory: {@code channels[channel][frame]}. */
  public static SpectrogramSummary of(float[][] channels, int sampleRateHz, int columns) {
    int frames = channels.length == 0 ? 0 : channels[0].length;
    SpectrogramSummary s =
        new SpectrogramSummary(Math.max(1, channels.length), sampleRateHz, frames, columns);
    if (channels.length > 0) {
      s.accept(channels, frames);
    }
    return s;
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    accept(block, 0, frames);
  }

  /** The next {@code frames} frames, read from {@code block[channel][offset ..]}. */
  public void accept(float[][] block, int offset, int frames) {
    if (fft == null) {
      throw new IllegalStateException("built from a spectrogram; it takes no samples");
    }
    if (block.length != channelCount) {
      throw new IllegalArgumentException(
          "expected " + channelCount + " channels, got " + block.length);
    }
    int mask = frameSize - 1;
    float scale = 1f / channelCount;
    int i = 0;
    while (i < frames) {
      // Samples before the next frame's start are never read: skip them.
      long skip = nextFrameStart - samplesSeen;
      if (skip > 0) {
        int n = (int) Math.min(skip, frames - i);
        i += n;
        samplesSeen += n;
        continue;
      }
      // Copy up to the end of the next frame into the ring.
      long frameEnd = nextFrameStart + frameSize;
      int n = (int) Math.min(frameEnd - samplesSeen, frames - i);
      for (int k = 0; k < n; k++) {
        int src = offset + i + k;
        float sum = 0;
        for (int ch = 0; ch < channelCount; ch++) {
          sum += block[ch][src];
        }
        ring[(int) ((samplesSeen + k) & mask)] = channelCount == 1 ? sum : sum * scale;
      }
      i += n;
      samplesSeen += n;
      if (samplesSeen == frameEnd) {
        computeFrame(nextFrameStart, frameSize);
        nextFrameStart += hop;
      }
    }
  }

  /** Transforms the {@code valid} samples starting at {@code start} (the rest zero). */
  private void computeFrame(long start, int valid) {
    int mask = frameSize - 1;
    for (int k = 0; k < frameSize; k++) {
      frame[k] = k < valid ? ring[(int) ((start + k) & mask)] * window[k] : 0f;
    }
    fft.magnitudes(frame, magnitudes);
    addFrame(magnitudes, (start + frameSize / 2.0) / sampleRateHz);
    framesComputed++;
  }

  private void addFrame(float[] mags, double centreSeconds) {
    double duration = (double) Math.max(1, totalFrames) / sampleRateHz;
    int col = duration > 0 ? (int) Math.floor(centreSeconds / duration * columns) : 0;
    col = Math.max(0, Math.min(columns - 1, col));
    float[] p = power[col];
    for (int k = 0; k < bins; k++) {
      double m = mags[k];
      p[k] += (float) (m * m * powerScale);
    }
    frameCounts[col]++;
  }

  /** A track shorter than a frame: one zero-padded frame of what came. */
  private void flush() {
    if (fft != null && framesComputed == 0 && samplesSeen > 0 && samplesSeen < frameSize) {
      computeFrame(0, (int) samplesSeen);
    }
  }

  public int channelCount() {
    return channelCount;
  }

  public int sampleRateHz() {
    return sampleRateHz;
  }

  public long totalFrames() {
    return totalFrames;
  }

  public int columns() {
    return columns;
  }

  public int frameSize() {
    return frameSize;
  }

  /** Samples between frame starts. */
  public int hopSamples() {
    return hop;
  }

  /** FFT frames computed so far. */
  public int framesComputed() {
    flush();
    return framesComputed;
  }

  /** Bins from DC to Nyquist: frameSize / 2 + 1. */
  public int binCount() {
    return bins;
  }

  public double binWidthHz() {
    return (double) sampleRateHz / frameSize;
  }

  public double nyquistHz() {
    return sampleRateHz / 2.0;
  }

  /**
   * The time axis: the announced length in seconds (what was fed when none was announced; frames
   * past the announced length are averaged into the last column).
   */
  public double durationSeconds() {
    return (double) (totalFrames > 0 ? totalFrames : samplesSeen) / sampleRateHz;
  }

  /** Frames averaged into column {@code column} (0: no data). */
  public int frameCount(int column) {
    flush();
    return frameCounts[column];
  }

  /** Mean power of bin {@code bin} in column {@code column}, full-scale sine = 1 (0 when empty). */
  public double power(int column, int bin) {
    flush();
    int n = frameCounts[column];
    return n == 0 ? 0 : power[column][bin] / n;
  }

  /** {@link #power} in dB, floored at -200 dB. */
  public double powerDb(int column, int bin) {
    return 10 * Math.log10(Math.max(1e-20, power(column, bin)));
  }
}
