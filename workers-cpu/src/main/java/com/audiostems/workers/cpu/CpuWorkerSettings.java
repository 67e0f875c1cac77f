package com.audiostems.workers.cpu;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * How a CPU worker host polls.
 *
 * @param activitySlots concurrent activities; ffmpeg is CPU-bound, so one per core
 * @param maxHeartbeatThrottle the longest a heartbeat waits before reaching the server; short, so
 *     that a cancelled encode stops its ffmpeg within seconds
 * @param hostId names this worker process's own task queue (file affinity); unique per process
 */
public record CpuWorkerSettings(int activitySlots, Duration maxHeartbeatThrottle, String hostId) {

  public static CpuWorkerSettings forThisHost() {
    return withSlots(Runtime.getRuntime().availableProcessors());
  }

  /** This process's settings with the given slots: heartbeats within 2 s, a new host id. */
  public static CpuWorkerSettings withSlots(int activitySlots) {
    return new CpuWorkerSettings(activitySlots, Duration.ofSeconds(2), newHostId());
  }

  /** Host name plus a random suffix: two workers on one machine must not share a queue. */
  public static String newHostId() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      name = "host";
    }
    String safe = name.replaceAll("[^A-Za-z0-9-]", "-");
    return safe + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
