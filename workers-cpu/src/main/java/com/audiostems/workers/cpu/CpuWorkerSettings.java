package com.audiostems.workers.cpu;

import java.time.Duration;

/**
 * How a CPU worker host polls.
 *
 * @param activitySlots concurrent activities; ffmpeg is CPU-bound, so one per core
 * @param maxHeartbeatThrottle the longest a heartbeat waits before reaching the server; short, so
 *     that a cancelled encode stops its ffmpeg within seconds
 */
public record CpuWorkerSettings(int activitySlots, Duration maxHeartbeatThrottle) {

  public static CpuWorkerSettings forThisHost() {
    return new CpuWorkerSettings(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
  }
}
