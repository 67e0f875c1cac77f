package com.audiostems.dsp.quality;

import com.audiostems.dsp.loudness.LoudnessMeasurement;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic range of the master, from the loudness meter: the peak-to-loudness ratio (PLR = true peak
 * - integrated loudness) and the loudness range (LRA, EBU Tech 3342).
 */
final class DynamicRangeCheck {
  static final String CODE = "over-compressed";
  static final String LRA_CODE = "low-loudness-range";

  /**
   * PLR below 8 LU: transients are flattened by heavy limiting (the "loudness war" masters sit at
   * 6-8); streaming services turn such masters down anyway, so they only lose punch.
   */
  static final double PLR_WARNING_LU = 8;

  /** PLR below 5 LU: brick-walled, audibly distorted and fatiguing. */
  static final double PLR_ERROR_LU = 5;

  /**
   * LRA below 2 LU (over at least {@link #LRA_MIN_SECONDS}): the piece never gets louder or softer.
   * Information only: some genres are meant to be flat.
   */
  static final double LRA_INFO_LU = 2;

  /** LRA needs some minutes of programme to mean anything: a 3 s window, percentiles. */
  static final double LRA_MIN_SECONDS = 60;

  private DynamicRangeCheck() {}

  static List<Finding> check(LoudnessMeasurement m) {
    List<Finding> out = new ArrayList<>();
    if (m == null || !m.hasIntegratedLoudness()) {
      return out;
    }
    double duration = m.durationSeconds();
    double plr = m.peakToLoudnessRatioLu();
    if (plr < PLR_WARNING_LU && Double.isFinite(m.truePeakDbtp())) {
      out.add(
          new Finding(
              CODE,
              plr < PLR_ERROR_LU ? Severity.ERROR : Severity.WARNING,
              plr,
              PLR_WARNING_LU,
              "LU",
              0,
              duration,
              "The master is heavily compressed/limited: its peaks are only "
                  + Units.f1(plr)
                  + " dB above its loudness ("
                  + Units.f1(m.integratedLufs())
                  + " LUFS). Streaming services will turn it down anyway; a master with more"
                  + " dynamics keeps its punch."));
    }
    if (duration >= LRA_MIN_SECONDS && m.loudnessRangeLu() < LRA_INFO_LU) {
      out.add(
          new Finding(
              LRA_CODE,
              Severity.INFO,
              m.loudnessRangeLu(),
              LRA_INFO_LU,
              "LU",
              0,
              duration,
              "The loudness hardly changes over the piece (loudness range "
                  + Units.f1(m.loudnessRangeLu())
                  + " LU)."));
    }
    return out;
  }
}
