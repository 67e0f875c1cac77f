package com.audiostems.dsp.testing.music;

import java.util.List;

/**
 * What a synthetic piece really is, exactly: where its beats and bars are, its tempo, key, tuning
 * and form. Beat times are the grid times the synthesiser put its beats at, after the tempo drift
 * (swing never moves beats; humanised notes scatter a few milliseconds around them, and {@link
 * #onsetTimesSeconds} has where they actually sounded).
 *
 * @param tempoBpm the notated tempo (the start tempo when it drifts)
 * @param meanTempoBpm beats per minute over the whole piece: {@code 60 (beats - 1) / (last -
 *     first)}
 * @param startTempoBpm instantaneous tempo at the first beat
 * @param endTempoBpm instantaneous tempo at the last beat
 * @param drift the tempo drift, {@link TempoDrift#NONE} for a steady tempo
 * @param beatTimesSeconds every beat (quarter note) that sounds before the end of the audio
 * @param downbeatTimesSeconds the first beat of every bar
 * @param beatsPerBar 3 or 4
 * @param tonicPitchClass 0 = C ... 11 = B
 * @param mode major or minor
 * @param tuningOffsetCents concert-pitch offset (A4 = 440 * 2^(cents/1200))
 * @param swing the swing amount (0 straight)
 * @param hasDrums whether any drums play at all
 * @param sectionStartsSeconds the downbeat where each section starts (the first is the first beat)
 * @param sectionLabels the label of each section, e.g. "verse"
 * @param chords chords bar by bar (consecutive equal chords merged)
 * @param kickTimesSeconds when each kick drum actually sounded (after humanisation)
 * @param onsetTimesSeconds when each note or drum hit started (sorted, after humanisation; pads
 *     with slow attacks included at their start)
 */
public record GroundTruth(
    double tempoBpm,
    double meanTempoBpm,
    double startTempoBpm,
    double endTempoBpm,
    TempoDrift drift,
    double[] beatTimesSeconds,
    double[] downbeatTimesSeconds,
    int beatsPerBar,
    int tonicPitchClass,
    Mode mode,
    double tuningOffsetCents,
    double swing,
    boolean hasDrums,
    double[] sectionStartsSeconds,
    List<String> sectionLabels,
    List<ChordSpan> chords,
    double[] kickTimesSeconds,
    double[] onsetTimesSeconds) {

  public boolean minor() {
    return mode == Mode.MINOR;
  }

  /** Whether the tempo changes over the piece. */
  public boolean drifts() {
    return drift.drifts();
  }

  /** Short key name such as "F#m" or "Eb". */
  public String keyName() {
    return PieceSpec.shortKeyName(tonicPitchClass, mode);
  }

  /** Tuning reference: the frequency of A4. */
  public double a4Hz() {
    return 440 * Math.pow(2, tuningOffsetCents / 1200);
  }

  /** The local tempo around a time, from the two beats that enclose it. */
  public double localTempoBpm(double seconds) {
    double[] b = beatTimesSeconds;
    int i = 1;
    while (i < b.length - 1 && b[i] < seconds) {
      i++;
    }
    return 60 / (b[i] - b[i - 1]);
  }
}
