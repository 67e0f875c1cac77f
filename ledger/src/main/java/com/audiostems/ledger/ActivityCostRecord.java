package com.audiostems.ledger;

import java.time.Instant;

/**
 * A row of {@code activity_costs}: one activity execution of a track's journey as its worker
 * measured it.
 *
 * @param activityType Temporal's activity type, e.g. {@code EncodeLane}
 * @param outcome {@code success} or {@code failure}
 * @param jvmCpuMillis its thread's and helper threads' CPU
 * @param ffmpegCpuMillis its child processes' CPU
 */
public record ActivityCostRecord(
    String trackId,
    String activityType,
    String outcome,
    Instant startedAt,
    long wallMillis,
    long jvmCpuMillis,
    long ffmpegCpuMillis) {}
