package com.audiostems.activities.analysis.tempo;

import java.util.List;

/**
 * The tempo model's reading of a track: the primary tempo and its half/double alternative, each
 * with the model's probability (the readings' probabilities sum to 1).
 *
 * @param bpm the primary tempo, BPM (0 when the track has no pulse)
 * @param probability the model's probability that {@code bpm} is the beat, 0–1
 * @param alternativeBpm the likelier of {@code bpm / 2} and {@code bpm * 2}, BPM (0 without pulse)
 * @param alternativeRelation "half" or "double"
 * @param alternativeProbability its probability, 0–1
 * @param readings every reading considered (×⅓, ×½, ×⅔, ×1, ×1½, ×2, ×3 of the rule-based
 *     estimate), likeliest first
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
    String model,
    String executionProvider) {

  /** One metrical reading and its probability. */
  public record Reading(double bpm, double probability) {}
}
