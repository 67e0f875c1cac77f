package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Mono delivered as stereo: the side (L-R) signal's energy relative to the mid (L+R). Identical
 * channels give -Infinity; a tiny independent dither or a fraction of a dB of level difference
 * still leaves it far below any real stereo mix (-10 to -25 dB even for a nearly centred one).
 */
final class MonoAsStereoCheck {
  static final String CODE = "mono-as-stereo";

  /**
   * Side at least 30 dB under mid: the two channels differ by less than a 0.5 dB level change; no
   * stereo image survives that, while the narrowest real stereo mixes sit around -20 dB.
   */
  static final double MAX_SIDE_TO_MID_DB = -30;

  private MonoAsStereoCheck() {}

  static boolean isMono(ChannelStats stats) {
    return stats.channels() == 2
        && stats.meanSquare(0) + stats.meanSquare(1) > 0
        && stats.sideToMidDb() <= MAX_SIDE_TO_MID_DB;
  }

  static List<Finding> check(ChannelStats stats, double durationSeconds) {
    if (!isMono(stats)) {
      return List.of();
    }
    double db = stats.sideToMidDb();
    return List.of(
        new Finding(
            CODE,
            Severity.WARNING,
            Math.max(db, -200),
            MAX_SIDE_TO_MID_DB,
            "dB",
            0,
            durationSeconds,
            "Left and right are "
                + (db == Double.NEGATIVE_INFINITY
                    ? "identical"
                    : "practically identical (side " + Units.f1(db) + " dB under mid)")
                + ": this is a mono mix in a stereo file. Deliver it as mono, or export the"
                + " real stereo mix."));
  }
}
