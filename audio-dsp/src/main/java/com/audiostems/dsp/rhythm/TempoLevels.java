package com.audiostems.dsp.rhythm;

import java.util.List;

/**
 * The metrical readings of one tempo estimate — its ×¼, ×⅓, ×½, ×⅔, ×1, ×1½, ×2 and ×3 — and what
 * the rhythm analysis measures at each: the input of a learned decision between them (the octave
 * errors that the hand-set score of {@link TempoEstimator} makes on real recordings, issue 18).
 *
 * <p>Pure Java and deterministic: the same features feed the training (bench/tempo-features.sh
 * writes them for every excerpt) and the model in the pipeline.
 *
 * @param baseBpm the rule-based estimate that the readings are multiples of, BPM (0: no pulse)
 * @param features {@code features[level][feature]}, levels in {@link #RATIOS} order, features in
 *     {@link #FEATURE_NAMES} order
 */
public record TempoLevels(double baseBpm, float[][] features) {

  /**
   * The readings' tempi relative to {@link #baseBpm}. ×¼ because on the development songs the rules
   * read 4.5% of excerpts (slow ballads with running sixteenths) at four times the MIDI tempo.
   */
  public static final double[] RATIOS = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 1, 1.5, 2, 3};

  /** The feature columns, as the model and the training CSV name them. */
  public static final List<String> FEATURE_NAMES =
      List.of(
          "log2_bpm_over_110",
          "log2_bpm_over_110_squared",
          "periodicity_relative",
          "autocorrelation_at_period",
          "low_band_periodicity",
          "on_beat_strength_relative",
          "subdivision",
          "evenness",
          "regularity",
          "log_bar_fit",
          "rule_score",
          "log2_onsets_per_beat",
          "pulse_clarity");

  /** The index of {@code ratio == 1} in {@link #RATIOS}: the rule-based reading. */
  public static final int BASE_LEVEL = 4;

  static TempoLevels none() {
    return new TempoLevels(0, new float[0][]);
  }

  /** The tempo of reading {@code level}, BPM. */
  public double bpm(int level) {
    return baseBpm * RATIOS[level];
  }

  /** Whether there is anything to decide (a pulse was found). */
  public boolean present() {
    return baseBpm > 0 && features.length == RATIOS.length;
  }
}
