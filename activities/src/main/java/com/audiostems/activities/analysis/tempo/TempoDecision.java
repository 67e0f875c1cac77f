package com.audiostems.activities.analysis.tempo;

import java.util.List;

/**
 * A track's tempo with the model's probabilities: the primary tempo and its half/double
 * alternative, each with the model's probability, and its other readings.
 *
 * <p>The primary tempo is the model's ({@link TempoModel#MODEL_IS_PRIMARY}): its likeliest class,
 * refined between its neighbours. Figures: docs/benchmarks.md, issue 18.
 *
 * @param bpm the primary tempo, BPM (0 when the track has no pulse)
 * @param probability the model's probability that {@code bpm} is the beat (its classes within ±4
 *     %), 0–1
 * @param alternativeBpm the likelier of {@code bpm / 2} and {@code bpm * 2}, BPM (0 without pulse)
 * @param alternativeRelation "half" or "double"
 * @param alternativeProbability its probability, 0–1
 * @param readings the ×⅓, ×½, ×⅔, ×1, ×1½, ×2 and ×3 readings of {@code bpm} with their
 *     probabilities, likeliest first (they need not sum to 1: the model may favour none of them)
 * @param modelBpm the model's likeliest tempo, BPM (equal to {@code bpm} while the model is
 *     primary)
 * @param modelProbability its probability
 * @param model the model's name and version
 * @param executionProvider the ONNX Runtime execution provider that ran it ("CPU" or "CUDA")
 */
public record TempoDecision(
    double bpm,
    double probability,
    double alternativeBpm,
    String alternativeRelation,
    double alternativeProbability,
    List<Reading> readings,
    double modelBpm,
    double modelProbability,
    String model,
    String executionProvider) {

  /** One metrical reading and its probability. */
  public record Reading(double bpm, double probability) {}
}
