package com.audiostems.dsp.loudness;

import java.util.Arrays;

/**
 * A streaming ITU-R BS.1770-4 / EBU R128 ("EBU Mode", Tech 3341/3342) loudness meter: feed blocks
 * of planar float PCM (full scale 1.0) with {@link #accept}, read a {@link LoudnessMeasurement}
 * with {@link #result()} at any time (it does not reset the meter, so a live display can read it
 * after every block and keep feeding).
 *
 * <p>Memory stays bounded by about 3 s of per-sample energy plus the 10 Hz series, whatever the
 * track's length. One meter serves one stream from one thread.
 *
 * <pre>{@code
 * LoudnessMeter meter = new LoudnessMeter(44_100, 2);
 * meter.accept(block, frames);   // as often as needed
 * LoudnessMeasurement m = meter.result();
 * }</pre>
 */
public final class LoudnessMeter {

  private final int sampleRateHz;
  private final int channels;
  private final double[] weights;
  private final KWeighting[] filters;
  private final TruePeakMeter peaks;
  private final WindowedEnergy windows;
  private final double[] energy;

  /** A meter with the BS.1770 weights implied by the channel count ({@link ChannelWeights}). */
  public LoudnessMeter(int sampleRateHz, int channels) {
    this(sampleRateHz, ChannelWeights.forChannelCount(channels));
  }

  /**
   * A meter with explicit channel weights, one per channel (e.g. {@link
   * ChannelWeights#surround51()}); a weight of 0 leaves a channel out of the loudness but not out
   * of the peaks.
   */
  public LoudnessMeter(int sampleRateHz, double[] channelWeights) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
    }
    if (channelWeights.length == 0) {
      throw new IllegalArgumentException("need at least one channel");
    }
    for (double w : channelWeights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "weights must be finite and >= 0: " + Arrays.toString(channelWeights));
      }
    }
    this.sampleRateHz = sampleRateHz;
    this.channels = channelWeights.length;
    this.weights = channelWeights.clone();
    this.filters = new KWeighting[channels];
    for (int c = 0; c < channels; c++) {
      filters[c] = new KWeighting(sampleRateHz);
    }
    this.peaks = new TruePeakMeter(sampleRateHz, channels);
    this.windows = new WindowedEnergy(WindowedEnergy.hopFramesFor(sampleRateHz));
    this.energy = new double[windows.hopFrames()];
  }

  /**
   * Measures a whole signal at once.
   *
   * @param channels planar samples, {@code channels[c][i]}, all channels of the same length,
   *     weights from the channel count
   */
  public static LoudnessMeasurement measure(float[][] channels, int sampleRateHz) {
    LoudnessMeter meter = new LoudnessMeter(sampleRateHz, channels.length);
    meter.accept(channels, channels.length == 0 ? 0 : channels[0].length);
    return meter.result();
  }

  /** Measures the first {@code frames} samples of every {@code block[c]}. */
  public void accept(float[][] block, int frames) {
    accept(block, 0, frames);
  }

  /** Measures {@code frames} samples of every {@code block[c]} starting at {@code offset}. */
  public void accept(float[][] block, int offset, int frames) {
    if (block.length < channels) {
      throw new IllegalArgumentException(
          "block has " + block.length + " channels, meter expects " + channels);
    }
    if (offset < 0 || frames < 0) {
      throw new IllegalArgumentException("negative offset or frame count");
    }
    for (int c = 0; c < channels; c++) {
      if (block[c].length < offset + frames) {
        throw new IllegalArgumentException("channel " + c + " is shorter than offset + frames");
      }
    }
    peaks.accept(block, offset, frames);
    int done = 0;
    while (done < frames) {
      // Cut at hop ends so that each hop's windows are evaluated as soon as it is complete.
      int n = Math.min(frames - done, windows.framesUntilHopEnd());
      Arrays.fill(energy, 0, n, 0);
      int pending = -1; // a weighted channel waiting for a partner to be filtered with
      for (int c = 0; c < channels; c++) {
        if (weights[c] == 0) {
          continue;
        }
        if (pending < 0) {
          pending = c;
        } else {
          KWeighting.accumulateWeightedSquares(
              filters[pending],
              block[pending],
              weights[pending],
              filters[c],
              block[c],
              weights[c],
              offset + done,
              n,
              energy);
          pending = -1;
        }
      }
      if (pending >= 0) {
        filters[pending].accumulateWeightedSquares(
            block[pending], offset + done, n, weights[pending], energy);
      }
      windows.push(energy, n);
      done += n;
    }
  }

  /** Frames measured so far. */
  public long frames() {
    return windows.frames();
  }

  /** The measurement of everything accepted so far; the meter keeps running. */
  public LoudnessMeasurement result() {
    DoubleSeries momentary = windows.momentaryMeanSquares();
    DoubleSeries shortTerm = windows.shortTermMeanSquares();
    // Gating blocks and loudness-range windows are the complete ones: the 10 Hz values from the
    // 4th (400 ms) and the 30th (3 s) on; the zero-padded ones before would read as quiet passages.
    double integrated =
        GatedLoudness.integratedLufs(momentary.copyFrom(WindowedEnergy.MOMENTARY_HOPS - 1));
    double range = LoudnessRange.rangeLu(shortTerm.copyFrom(WindowedEnergy.SHORT_TERM_HOPS - 1));
    double truePeak = LoudnessUnits.amplitudeDb(peaks.truePeak());
    double plr =
        Double.isInfinite(truePeak) || Double.isInfinite(integrated) ? 0 : truePeak - integrated;
    double[] perSecond = new double[shortTerm.size() / 10];
    for (int i = 0; i < perSecond.length; i++) {
      perSecond[i] = LoudnessUnits.lufs(shortTerm.get(10 * i + 9));
    }
    return new LoudnessMeasurement(
        sampleRateHz,
        channels,
        windows.frames(),
        integrated,
        range,
        LoudnessUnits.lufs(windows.maxMomentaryMeanSquare()),
        LoudnessUnits.lufs(windows.maxShortTermMeanSquare()),
        truePeak,
        LoudnessUnits.amplitudeDb(peaks.samplePeak()),
        plr,
        toLufs(momentary),
        toLufs(shortTerm),
        perSecond,
        peaks.oversamplingFactor());
  }

  private static double[] toLufs(DoubleSeries meanSquares) {
    double[] lufs = meanSquares.copyFrom(0);
    for (int i = 0; i < lufs.length; i++) {
      lufs[i] = LoudnessUnits.lufs(lufs[i]);
    }
    return lufs;
  }
}
