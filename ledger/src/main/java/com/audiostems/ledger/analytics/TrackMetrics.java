package com.audiostems.ledger.analytics;

import com.audiostems.ledger.ProcessingRecord;
import java.util.List;

/**
 * One track's figures: {@code GET /v1/tracks/{id}/metrics}.
 *
 * @param processing how its first journey ended; null while it is running (or from before records)
 * @param activities its measured activity executions, by type, in the order they first ran
 * @param revenueByCurrency the fees of its licences, by currency
 */
public record TrackMetrics(
    String trackId,
    ProcessingRecord processing,
    List<ActivityCosts> activities,
    long deliveries,
    long deliveredBytes,
    long licences,
    List<BusinessAnalytics.Revenue> revenueByCurrency) {

  /** The executions of one activity type (retries included) and what they cost together. */
  public record ActivityCosts(
      String activityType,
      long executions,
      long failures,
      long wallMillis,
      long jvmCpuMillis,
      long ffmpegCpuMillis) {}
}
