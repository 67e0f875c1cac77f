package com.audiostems.dsp.quality;

import java.util.Arrays;
import java.util.List;

/**
 * Noise floor: the level the source never gets below. For each of {@link
 * LongTermSpectrum#NOISE_BANDS} log-spaced bands (150 Hz-15 kHz) the level that only {@link
 * #QUIET_FRACTION} of the analysed frames fall under is that band's floor (music fills each band
 * only part of the time: in intros, breaks, between notes and hits, and in tails, the floor shows);
 * the source's floor is the {@link #BAND_FRACTION} quantile of those band floors, expressed as the
 * RMS level of the white noise with that density (dBFS).
 */
final class NoiseFloorCheck {
  static final String CODE = "noise-floor";

  /** The quietest 5 % of frames in each band: the floor in the quietest passages, not the music. */
  static final double QUIET_FRACTION = 0.05;

  /** The lower quartile of the band floors: bands where music never rests do not count. */
  static final double BAND_FRACTION = 0.25;

  /**
   * WARNING from -60 dBFS: hiss at this level is audible in quiet passages on headphones; a clean
   * 16-bit production's floor is -80 dBFS or lower (dither at -101 dBFS).
   */
  static final double WARNING_DBFS = -60;

  /** ERROR from -45 dBFS: plainly audible hiss/hum under the whole piece. */
  static final double ERROR_DBFS = -45;

  private NoiseFloorCheck() {}

  /** The floor in dBFS; -Infinity when nothing was analysed. */
  static double floorDbfs(LongTermSpectrum spectrum) {
    if (spectrum.frames() == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] floors = spectrum.bandPercentilesDb(QUIET_FRACTION);
    Arrays.sort(floors);
    return floors[(int) Math.floor(BAND_FRACTION * (floors.length - 1))];
  }

  static List<Finding> check(double floorDbfs, double durationSeconds) {
    if (!(floorDbfs >= WARNING_DBFS)) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            floorDbfs >= ERROR_DBFS ? Severity.ERROR : Severity.WARNING,
            floorDbfs,
            WARNING_DBFS,
            "dBFS",
            0,
            durationSeconds,
            "There is a constant noise floor (hiss or hum) at about "
                + Units.f1(floorDbfs)
                + " dBFS under the music, audible in quiet passages. Use a cleaner source or"
                + " apply gentle noise reduction."));
  }
}
