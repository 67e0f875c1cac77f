package com.audiostems.dsp.quality;

import java.util.List;

/** DC offset: each channel's mean over the whole file, in dBFS. */
final class DcOffsetCheck {
  static final String CODE = "dc-offset";

  /**
   * WARNING at -50 dBFS (0.3 % of full scale): audible as a click where the file starts, stops or
   * is edited, and it wastes headroom; music's own mean over a whole track is far below -70 dBFS.
   */
  static final double WARNING_DBFS = -50;

  /** ERROR at -30 dBFS (3 %): a faulty converter or mic preamp, loud thumps at every edit. */
  static final double ERROR_DBFS = -30;

  private DcOffsetCheck() {}

  static List<Finding> check(ChannelStats stats, double durationSeconds) {
    double worst = 0;
    int worstChannel = 0;
    for (int c = 0; c < stats.channels(); c++) {
      if (Math.abs(stats.mean(c)) > Math.abs(worst)) {
        worst = stats.mean(c);
        worstChannel = c;
      }
    }
    double db = Units.db(worst);
    if (!(db >= WARNING_DBFS)) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            db >= ERROR_DBFS ? Severity.ERROR : Severity.WARNING,
            db,
            WARNING_DBFS,
            "dBFS",
            0,
            durationSeconds,
            "Channel "
                + (worstChannel + 1)
                + " sits "
                + Units.f2(100 * Math.abs(worst))
                + " % of full scale ("
                + Units.f1(db)
                + " dBFS) off centre (DC offset): it causes clicks at edits and wastes headroom."
                + " Apply a DC-offset removal or a gentle high-pass before export."));
  }
}
