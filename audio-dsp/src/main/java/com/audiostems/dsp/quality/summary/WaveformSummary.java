package com.audiostems.dsp.quality.summary;

/**
 * Min, max, RMS and clipped-sample count per column and channel of a track of known length, fed
 * block by block, so that a waveform of any length is drawn from a few kilobytes.
 *
 * <p>Frame {@code n} of {@code totalFrames} lands in column {@code floor(n * columns /
 * totalFrames)}; frames past the announced total (a decoder's length estimate may be short) land in
 * the last column, and columns that never see a frame stay empty ({@link #count} 0).
 *
 * <p>A sample counts as clipped when its magnitude reaches {@code clipLevel}; the default,
 * 32767/32768, is 16-bit full scale as a float (a decoder maps -32768 to -1 and 32767 to 0.99997).
 */
public final class WaveformSummary {

  /** Full scale of 16-bit PCM as a float. */
  public static final float DEFAULT_CLIP_LEVEL = 32767f / 32768f;

  private final int channelCount;
  private final int sampleRateHz;
  private final long totalFrames;
  private final int columns;
  private final float clipLevel;
  private final float[][] min;
  private final float[][] max;
  private final double[][] sumSquares;
  private final int[][] clipped;
  private final int[] count;
  private long framesSeen;

  /**
   * @param channelCount channels of every block
   * @param sampleRateHz the source rate
   * @param totalFrames the track's length in frames (as announced by the decoder)
   * @param columns how many columns to keep; activities' {@code WaveformImage.plotWidth(int)} gives
   *     the number that maps one to one onto an image's pixels
   */
  public WaveformSummary(int channelCount, int sampleRateHz, long totalFrames, int columns) {
    this(channelCount, sampleRateHz, totalFrames, columns, DEFAULT_CLIP_LEVEL);
  }

  public WaveformSummary(
      int channelCount, int sampleRateHz, long totalFrames, int columns, float clipLevel) {
    if (channelCount < 1) {
      throw new IllegalArgumentException("need at least one channel, got " + channelCount);
    }
    if (sampleRateHz < 1) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
    }
    if (totalFrames < 0) {
      throw new IllegalArgumentException("total frames must not be negative, got " + totalFrames);
    }
    if (columns < 1) {
      throw new IllegalArgumentException("need at least one column, got " + columns);
    }
    if (!(clipLevel > 0)) {
      throw new IllegalArgumentException("clip level must be positive, got " + clipLevel);
    }
    this.channelCount = channelCount;
    this.sampleRateHz = sampleRateHz;
    this.totalFrames = totalFrames;
    this.columns = columns;
    this.clipLevel = clipLevel;
    this.min = new float[channelCount][columns];
    this.max = new float[channelCount][columns];
    this.sumSquares = new double[channelCount][columns];
    this.clipped = new int[channelCount][columns];
    this.count = new int[columns];
  }

  /** The summary of a whole track held in memory: {@code channels[channel][frame]}. */
  public static WaveformSummary of(float[][] channels, int sampleRateHz, int columns) {
    int frames = channels.length == 0 ? 0 : channels[0].length;
    WaveformSummary s =
        new WaveformSummary(Math.max(1, channels.length), sampleRateHz, frames, columns);
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
    if (block.length != channelCount) {
      throw new IllegalArgumentException(
          "expected " + channelCount + " channels, got " + block.length);
    }
    int i = 0;
    while (i < frames) {
      long pos = framesSeen + i;
      int col = columnOf(pos);
      long nextStart = col == columns - 1 ? Long.MAX_VALUE : columnStart(col + 1);
      int n = (int) Math.min(frames - i, nextStart - pos);
      boolean fresh = count[col] == 0;
      for (int ch = 0; ch < channelCount; ch++) {
        float[] x = block[ch];
        float lo = fresh ? Float.POSITIVE_INFINITY : min[ch][col];
        float hi = fresh ? Float.NEGATIVE_INFINITY : max[ch][col];
        double sq = 0;
        int clip = 0;
        for (int k = offset + i, end = offset + i + n; k < end; k++) {
          float v = x[k];
          if (v < lo) {
            lo = v;
          }
          if (v > hi) {
            hi = v;
          }
          sq += (double) v * v;
          if (v >= clipLevel || v <= -clipLevel) {
            clip++;
          }
        }
        min[ch][col] = lo;
        max[ch][col] = hi;
        sumSquares[ch][col] += sq;
        clipped[ch][col] += clip;
      }
      count[col] += n;
      i += n;
    }
    framesSeen += frames;
  }

  private int columnOf(long frame) {
    long total = Math.max(1, totalFrames);
    if (frame >= total) {
      return columns - 1;
    }
    // No overflow below 2^63 / columns frames (over 10^15 for 4096 columns).
    return (int) Math.min(columns - 1, frame * columns / total);
  }

  /** The first frame of column {@code c}: ceil(c * total / columns). */
  private long columnStart(int c) {
    long total = Math.max(1, totalFrames);
    return (c * total + columns - 1) / columns;
  }

  public int channelCount() {
    return channelCount;
  }

  public int sampleRateHz() {
    return sampleRateHz;
  }

  /** The length announced at construction. */
  public long totalFrames() {
    return totalFrames;
  }

  /** Frames accepted so far. */
  public long framesSeen() {
    return framesSeen;
  }

  public int columns() {
    return columns;
  }

  public float clipLevel() {
    return clipLevel;
  }

  /**
   * The time axis: the announced length in seconds (what was fed when none was announced; frames
   * past the announced length land in the last column).
   */
  public double durationSeconds() {
    return (double) (totalFrames > 0 ? totalFrames : framesSeen) / sampleRateHz;
  }

  /** Frames in column {@code column} (0: no data). */
  public int count(int column) {
    return count[column];
  }

  /** The lowest sample of {@code channel} in {@code column} (0 for an empty column). */
  public float min(int channel, int column) {
    return count[column] == 0 ? 0f : min[channel][column];
  }

  /** The highest sample of {@code channel} in {@code column} (0 for an empty column). */
  public float max(int channel, int column) {
    return count[column] == 0 ? 0f : max[channel][column];
  }

  /** The sum of squares of {@code channel} in {@code column}. */
  public double sumSquares(int channel, int column) {
    return sumSquares[channel][column];
  }

  /** The RMS of {@code channel} in {@code column} (0 for an empty column). */
  public float rms(int channel, int column) {
    return count[column] == 0 ? 0f : (float) Math.sqrt(sumSquares[channel][column] / count[column]);
  }

  /** Samples of {@code channel} in {@code column} at or beyond the clip level. */
  public int clippedSamples(int channel, int column) {
    return clipped[channel][column];
  }
}
