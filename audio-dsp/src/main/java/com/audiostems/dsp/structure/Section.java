package com.audiostems.dsp.structure;

/**
 * One section of a track.
 *
 * @param startSeconds start, seconds from the track's start
 * @param endSeconds end (exclusive), seconds
 * @param relativeEnergy the section's mean {@link EnergyCurve} energy divided by that of the most
 *     energetic section: 1 for the peak section, 0–1 for the others
 * @param label a letter per group of similar sections ("A", "B", "A" …: the second A sounds like
 *     the first)
 * @param role coarse heuristic role (see {@link SectionRoles})
 */
public record Section(
    double startSeconds, double endSeconds, double relativeEnergy, String label, SectionRole role) {

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }
}
