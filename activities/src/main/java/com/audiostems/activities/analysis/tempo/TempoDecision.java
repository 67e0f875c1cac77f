package com.audiostems.activities.analysis.tempo;

import java.util.List;

/**
 * A track's tempo with the model's probabilities: the primary tempo and its half/double
 * alternative, each with the model's probability (the readings' probabilities sum to 1).
 *
 * <p>The primary tempo is still the rules' reading: on the synthetic accuracy suite the model's own
 * top reading falls to Accuracy1 0.73 (it learnt POP909's slow-ballad convention and halves drummed
 * pop at 130–180 BPM), below the suite's bar of 0.95, while on held-out POP909 songs it reads 0.76
 * against the rules' 0.36. The model's top reading is given beside it ({@code modelBpm}) until one
 * model holds on both (docs/benchmarks.md, issue 18).
 *
 * @param bpm the primary tempo (the rules' reading), BPM (0 when the track has no pulse)
 * @param probability the model's probability that {@code bpm} is the beat, 0–1
 * @param alternativeBpm the likelier of {@code bpm / 2} and {@code bpm * 2}, BPM (0 without pulse)
 * @param alternativeRelation "half" or "double"
 * @param alternativeProbability its probability, 0–1
 * @param readings every reading considered (×⅓, ×½, ×⅔, ×1, ×1½, ×2, ×3 of the rule-based
 *     estimate), likeliest first
 * @param modelBpm the model's likeliest reading, BPM
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
