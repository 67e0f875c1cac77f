package com.audiostems.dsp.loudness;

/**
 * What an ITU-R BS.1770-4 / EBU R128 meter read from a whole input.
 *
 * <p>Loudness is in LUFS (= LKFS, K-weighted, relative to full scale), ranges and ratios in LU (=
 * dB), peaks in dBFS / dBTP with full scale = 1.0. A quantity with nothing to measure is -Infinity
 * rather than NaN: the loudness of silence (and the integrated loudness of an input shorter than
 * one 400 ms gating block) and the peaks of digital silence. Windows that reach back before the
 * first sample count the missing samples as silence, as a meter started on silence would show: the
 * maxima and the series include them, the integrated loudness and LRA do not.
 *
 * @param sampleRateHz the input's rate
 * @param channels the input's channel count
 * @param frames samples per channel measured
 * @param integratedLufs programme loudness: the 400 ms blocks (75 % overlap, complete blocks only)
 *     gated at -70 LUFS and then 10 LU below the mean of those; -Infinity when no block passes
 * @param loudnessRangeLu LRA per EBU Tech 3342 over the complete 3 s windows at 10 Hz (10th to 95th
 *     percentile after a -70 LUFS and a -20 LU gate); 0 when no window reaches -70 LUFS
 * @param momentaryMaxLufs the loudest 400 ms window, over windows ending at every sample
 * @param shortTermMaxLufs the loudest 3 s window, over windows ending at every sample
 * @param truePeakDbtp the largest magnitude among the samples and the values interpolated between
 *     them by {@code truePeakOversampling}-times polyphase oversampling, in dBTP
 * @param samplePeakDbfs the largest sample magnitude, in dBFS
 * @param peakToLoudnessRatioLu PLR = true peak - integrated loudness; 0 when either is -Infinity
 * @param momentaryLoudness10HzLufs element i: the 400 ms window ending at (i + 1) x 100 ms
 * @param shortTermLoudness10HzLufs element i: the 3 s window ending at (i + 1) x 100 ms
 * @param shortTermLoudnessPerSecondLufs element i: the 3 s window ending at (i + 1) s
 * @param truePeakOversampling the oversampling factor the true peak was measured with
 */
public record LoudnessMeasurement(
    int sampleRateHz,
    int channels,
    long frames,
    double integratedLufs,
    double loudnessRangeLu,
    double momentaryMaxLufs,
    double shortTermMaxLufs,
    double truePeakDbtp,
    double samplePeakDbfs,
    double peakToLoudnessRatioLu,
    double[] momentaryLoudness10HzLufs,
    double[] shortTermLoudness10HzLufs,
    double[] shortTermLoudnessPerSecondLufs,
    int truePeakOversampling) {

  /** Length of the measured input in seconds. */
  public double durationSeconds() {
    return (double) frames / sampleRateHz;
  }

  /** Whether any 400 ms block passed the absolute gate, i.e. the integrated loudness is finite. */
  public boolean hasIntegratedLoudness() {
    return integratedLufs != Double.NEGATIVE_INFINITY;
  }
}
