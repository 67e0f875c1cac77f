package com.audiostems.dsp.quality;

import java.util.List;

/** Channel imbalance: the level difference between left and right over the whole file, dB. */
final class ChannelBalanceCheck {
  static final String CODE = "channel-imbalance";

  /**
   * WARNING from 2.5 dB: bass, kick and vocal sit in the centre of a mix, so whole-file levels of
   * real masters agree within ~1 dB; 2.5 dB shifts the image audibly towards one side.
   */
  static final double WARNING_DB = 2.5;

  /** ERROR from 6 dB: the image is pulled well off centre, a fault in the export or the gain. */
  static final double ERROR_DB = 6;

  private ChannelBalanceCheck() {}

  static List<Finding> check(ChannelStats stats, double durationSeconds) {
    if (stats.channels() < 2) {
      return List.of();
    }
    double l = stats.acMeanSquare(0);
    double r = stats.acMeanSquare(1);
    if (!(l > 0 && r > 0)) {
      return List.of();
    }
    double diff = Units.powerDb(l / r);
    if (Math.abs(diff) < WARNING_DB) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            Math.abs(diff) >= ERROR_DB ? Severity.ERROR : Severity.WARNING,
            diff,
            WARNING_DB,
            "dB",
            0,
            durationSeconds,
            "The "
                + (diff > 0 ? "left" : "right")
                + " channel is "
                + Units.f1(Math.abs(diff))
                + " dB louder than the "
                + (diff > 0 ? "right" : "left")
                + ": the mix leans to one side. Check the master's balance and re-export."));
  }
}
