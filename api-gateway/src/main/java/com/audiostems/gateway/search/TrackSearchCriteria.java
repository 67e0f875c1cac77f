package com.audiostems.gateway.search;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackStage;
import java.util.Locale;

/**
 * What a track search asks for; every part is optional. Stage is where the track's journey stands;
 * tier, key and tempo are read from its published manifest, so a track with no manifest yet (or
 * whose analysis found no key or tempo) matches only a search that does not ask for them.
 *
 * @param tier the published source's effective quality tier (the highest it reaches), exactly
 * @param key a musical key by name ("A minor") or short name ("Am"), case-insensitive
 * @param bpmMin lowest tempo in beats a minute, inclusive
 * @param bpmMax highest tempo in beats a minute, inclusive
 */
public record TrackSearchCriteria(
    TrackStage stage, QualityTier tier, String key, Double bpmMin, Double bpmMax) {

  /** Parses the request's parameters; a value that names nothing is a 400 saying what would. */
  public static TrackSearchCriteria parse(
      String stage, String tier, String key, Double bpmMin, Double bpmMax) {
    if (bpmMin != null && bpmMax != null && bpmMin > bpmMax) {
      throw Problems.badRequest(
          "bad-bpm-range", "bpmMin " + bpmMin + " is above bpmMax " + bpmMax + "; swap them.");
    }
    return new TrackSearchCriteria(
        parseEnum(TrackStage.class, "stage", stage),
        parseEnum(QualityTier.class, "tier", tier),
        key == null || key.isBlank() ? null : key.trim(),
        bpmMin,
        bpmMax);
  }

  /** Whether a track at {@code trackStage} with {@code manifest} (null: none yet) matches. */
  public boolean matches(TrackStage trackStage, TrackManifest manifest) {
    if (stage != null && stage != trackStage) {
      return false;
    }
    if (tier != null
        && (manifest == null
            || manifest.quality() == null
            || manifest.quality().effectiveTier() != tier)) {
      return false;
    }
    TrackAnalysis analysis = manifest == null ? null : manifest.analysis();
    if (key != null) {
      TrackAnalysis.MusicalKey found = analysis == null ? null : analysis.key();
      if (found == null
          || !(key.equalsIgnoreCase(found.name()) || key.equalsIgnoreCase(found.shortName()))) {
        return false;
      }
    }
    if (bpmMin != null || bpmMax != null) {
      TrackAnalysis.Tempo tempo = analysis == null ? null : analysis.tempo();
      if (tempo == null
          || (bpmMin != null && tempo.bpm() < bpmMin)
          || (bpmMax != null && tempo.bpm() > bpmMax)) {
        return false;
      }
    }
    return true;
  }

  /** Whether any part needs the manifest (else the store is not read). */
  boolean readsManifest() {
    return tier != null || key != null || bpmMin != null || bpmMax != null;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest(
          "bad-" + name,
          name
              + " '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ".");
    }
  }
}
