package com.audiostems.dsp.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heuristic song-part roles from position, repetition and energy (pop-song conventions; no harmony
 * or lyrics are looked at, so treat the result as "-like"):
 *
 * <ol>
 *   <li>The chorus group is the most energetic label that occurs at least twice, if its mean
 *       relative energy is at least {@value #CHORUS_MIN_RELATIVE_ENERGY}; otherwise the label of
 *       the most energetic section (a one-off climax).
 *   <li>The first section is INTRO and the last OUTRO (when there are at least two sections),
 *       unless it belongs to the chorus group and is as energetic as a chorus.
 *   <li>Sections of the chorus group are CHORUS.
 *   <li>Other repeated labels are VERSE.
 *   <li>A one-off section in the middle is BRIDGE if it comes after the first chorus, else VERSE.
 * </ol>
 *
 * A single-section track is one VERSE (the whole track is its body).
 */
public final class SectionRoles {

  static final double CHORUS_MIN_RELATIVE_ENERGY = 0.8;

  private SectionRoles() {}

  public static List<SectionRole> roles(List<String> labels, double[] relativeEnergy) {
    int n = labels.size();
    List<SectionRole> roles = new ArrayList<>();
    if (n == 0) {
      return roles;
    }
    Map<String, Integer> count = new HashMap<>();
    Map<String, Double> energySum = new HashMap<>();
    for (int s = 0; s < n; s++) {
      count.merge(labels.get(s), 1, Integer::sum);
      energySum.merge(labels.get(s), relativeEnergy[s], Double::sum);
    }
    String chorus = null;
    double chorusEnergy = -1;
    for (String label : count.keySet()) {
      double e = energySum.get(label) / count.get(label);
      if (count.get(label) >= 2 && e >= CHORUS_MIN_RELATIVE_ENERGY && e > chorusEnergy) {
        chorus = label;
        chorusEnergy = e;
      }
    }
    if (chorus == null) {
      int loudest = 0;
      for (int s = 1; s < n; s++) {
        if (relativeEnergy[s] > relativeEnergy[loudest]) {
          loudest = s;
        }
      }
      chorus = labels.get(loudest);
    }
    boolean chorusSeen = false;
    for (int s = 0; s < n; s++) {
      String label = labels.get(s);
      boolean chorusLike = label.equals(chorus) && relativeEnergy[s] >= CHORUS_MIN_RELATIVE_ENERGY;
      SectionRole role;
      if (n == 1) {
        role = SectionRole.VERSE;
      } else if (s == 0 && !chorusLike) {
        role = SectionRole.INTRO;
      } else if (s == n - 1 && !chorusLike) {
        role = SectionRole.OUTRO;
      } else if (label.equals(chorus)) {
        role = SectionRole.CHORUS;
      } else if (count.get(label) >= 2) {
        role = SectionRole.VERSE;
      } else {
        role = chorusSeen ? SectionRole.BRIDGE : SectionRole.VERSE;
      }
      chorusSeen |= role == SectionRole.CHORUS;
      roles.add(role);
    }
    return roles;
  }
}
