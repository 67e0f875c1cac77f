package com.audiostems.workflows.analysis;

import java.util.List;

/**
 * The manifest's {@code analysis} section: what a catalogue searches by. The full detail (every
 * beat, the curves, the chroma) is in the {@code analysis.json} asset this names.
 *
 * @param assetKey storage key of {@code analysis.json}
 * @param assetBytes its size
 * @param assetSha256 its hex SHA-256
 * @param analysedSeconds length of the audio analysed
 */
public record TrackAnalysis(
    String assetKey,
    long assetBytes,
    String assetSha256,
    double analysedSeconds,
    Tempo tempo,
    MusicalKey key,
    Loudness loudness,
    Energy energy,
    Timbre timbre,
    Rhythm rhythm,
    List<Section> sections) {

  /**
   * @param bpm the tempo, in beats per minute of the beat level the tracker chose
   * @param confidence 0–1
   * @param alternatives other metrical levels (half, double, triple...) with their scores
   * @param beatsPerBar 3 or 4; 0 when the evidence did not allow a decision
   * @param metreConfidence 0–1
   * @param beatCount beats found
   * @param tempoMinBpm lowest local tempo along the track
   * @param tempoMaxBpm highest local tempo along the track
   * @param tempoVaries whether the tempo changes along the track (beyond drift from rubato)
   * @param bpmProbability the tempo model's probability that {@code bpm} is the beat, 0–1 (0 in
   *     manifests written before the model)
   * @param octaveAlternative the likelier of half and double {@code bpm}, its {@code score} the
   *     model's probability (a DJ's other reading); null before the model
   * @param tempoModel the model that chose the reading and where it ran, e.g. "tempo-tempogram-v3
   *     on CPU"; null when the rules chose
   */
  public record Tempo(
      double bpm,
      double confidence,
      List<TempoAlternative> alternatives,
      int beatsPerBar,
      double metreConfidence,
      int beatCount,
      double tempoMinBpm,
      double tempoMaxBpm,
      boolean tempoVaries,
      double bpmProbability,
      TempoAlternative octaveAlternative,
      String tempoModel) {

    /** A rule-based reading, as before the tempo model (no probability, no model). */
    public Tempo(
        double bpm,
        double confidence,
        List<TempoAlternative> alternatives,
        int beatsPerBar,
        double metreConfidence,
        int beatCount,
        double tempoMinBpm,
        double tempoMaxBpm,
        boolean tempoVaries) {
      this(
          bpm,
          confidence,
          alternatives,
          beatsPerBar,
          metreConfidence,
          beatCount,
          tempoMinBpm,
          tempoMaxBpm,
          tempoVaries,
          0,
          null,
          null);
    }
  }

  /**
   * @param relation e.g. "half", "double", "triple", "third", "two-thirds", "three-halves"
   * @param score the model's probability of this reading when a model chose (0–1), else the rule
   *     score
   */
  public record TempoAlternative(double bpm, String relation, double score) {}

  /**
   * @param name e.g. "A minor", "Bb major"
   * @param shortName the ID3 TKEY form: "Am", "Bb"
   * @param tonicPitchClass 0 = C ... 11 = B
   * @param mode "major" or "minor"
   * @param confidence 0–1
   * @param runnerUp the second-best key's name
   * @param runnerUpRelation its relation to the key: "relative", "parallel", "fifth" or "other"
   * @param tuningOffsetCents the recording's tuning against A = 440 Hz
   */
  public record MusicalKey(
      String name,
      String shortName,
      int tonicPitchClass,
      String mode,
      double confidence,
      String runnerUp,
      String runnerUpRelation,
      double tuningOffsetCents) {}

  /** ITU-R BS.1770-4 / EBU R128 figures. */
  public record Loudness(
      double integratedLufs,
      double loudnessRangeLu,
      double momentaryMaxLufs,
      double shortTermMaxLufs,
      double truePeakDbtp,
      double samplePeakDbfs,
      double peakToLoudnessRatioLu) {}

  /**
   * @param meanEnergy 0–1, over the track; @param maxEnergy 0–1, the most energetic second
   */
  public record Energy(double meanEnergy, double maxEnergy) {}

  /** Track means of the spectral features; MFCC means in {@code analysis.json}. */
  public record Timbre(
      double spectralCentroidHz,
      double spectralRolloffHz,
      double spectralFlatness,
      double spectralBandwidthHz,
      double spectralContrastDb,
      double zeroCrossingRateHz) {}

  /**
   * @param pulseClarity 0–1: how clearly a beat is felt
   */
  public record Rhythm(double onsetRatePerSecond, double pulseClarity) {}

  /**
   * @param label a letter shared by similar sections (A, B, A...)
   * @param role a heuristic name: intro, verse, chorus, bridge, outro
   * @param relativeEnergy the section's energy against the track's, 0–1
   */
  public record Section(
      double startSeconds, double endSeconds, String label, String role, double relativeEnergy) {}
}
