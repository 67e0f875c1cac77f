package com.audiostems.dsp.rhythm;

/** Beat-tracking scores as in the MIREX beat evaluation: F-measure with a tolerance window. */
final class BeatEvaluation {

  private BeatEvaluation() {}

  /**
   * F-measure of {@code estimated} against {@code truth}: each true beat matches at most one
   * estimated beat within ±{@code toleranceSeconds} (greedy in time order).
   */
  static double fMeasure(double[] truth, double[] estimated, double toleranceSeconds) {
    if (truth.length == 0 && estimated.length == 0) {
      return 1;
    }
    if (truth.length == 0 || estimated.length == 0) {
      return 0;
    }
    int hits = matches(truth, estimated, toleranceSeconds);
    double precision = (double) hits / estimated.length;
    double recall = (double) hits / truth.length;
    return hits == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  static int matches(double[] truth, double[] estimated, double tolerance) {
    int hits = 0;
    int j = 0;
    for (double t : truth) {
      while (j < estimated.length && estimated[j] < t - tolerance) {
        j++;
      }
      if (j < estimated.length && Math.abs(estimated[j] - t) <= tolerance) {
        hits++;
        j++;
      }
    }
    return hits;
  }

  /** Mean (estimated − true) over matched beats, seconds: the tracker's systematic offset. */
  static double meanOffset(double[] truth, double[] estimated, double tolerance) {
    double sum = 0;
    int hits = 0;
    int j = 0;
    for (double t : truth) {
      while (j < estimated.length && estimated[j] < t - tolerance) {
        j++;
      }
      if (j < estimated.length && Math.abs(estimated[j] - t) <= tolerance) {
        sum += estimated[j] - t;
        hits++;
        j++;
      }
    }
    return hits == 0 ? Double.NaN : sum / hits;
  }
}
