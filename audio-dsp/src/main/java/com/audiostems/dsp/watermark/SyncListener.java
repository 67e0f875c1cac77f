package com.audiostems.dsp.watermark;

/**
 * Hears the sync search of a {@link WatermarkDetector}: how a threshold such as {@link
 * SyncScanner#MIN_SYNC_STAT} is chosen from measured distributions (SyncNullProbe in the tests).
 */
@FunctionalInterface
public interface SyncListener {

  /** Listens to nothing: the detector's default. */
  SyncListener NONE = statistic -> {};

  /**
   * The best sync statistic (sum over the weighting bands of squared positive z-scores) of one
   * stretch of the input, read at one speed, for one key: reported for every such scan, whether or
   * not it passes the threshold.
   */
  void bestSyncStatistic(double statistic);
}
