package com.audiostems.dsp.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 0-100 quality score, built from the findings only:
 *
 * <pre>
 *   score = max(0, round(100 - sum over codes c of min(CAP, sum over findings f with code c of w(f))))
 *   w(ERROR) = 30, w(WARNING) = 10, w(INFO) = 1, CAP = 40
 * </pre>
 *
 * A clean file scores 100 (or 97-99 with a few notes); one WARNING costs 10, one ERROR 30; the cap
 * keeps one defect that shows up many times (several dropouts) from outweighing everything else, so
 * that three separate ERROR classes bring a file to 10 and four to 0.
 */
public final class QualityScore {
  public static final double ERROR_PENALTY = 30;
  public static final double WARNING_PENALTY = 10;
  public static final double INFO_PENALTY = 1;
  public static final double CAP_PER_CODE = 40;

  private QualityScore() {}

  public static int of(List<Finding> findings) {
    Map<String, Double> perCode = new LinkedHashMap<>();
    for (Finding f : findings) {
      double w =
          switch (f.severity()) {
            case ERROR -> ERROR_PENALTY;
            case WARNING -> WARNING_PENALTY;
            case INFO -> INFO_PENALTY;
          };
      perCode.merge(f.code(), w, Double::sum);
    }
    double penalty = 0;
    for (double p : perCode.values()) {
      penalty += Math.min(CAP_PER_CODE, p);
    }
    return (int) Math.max(0, Math.round(100 - penalty));
  }
}
