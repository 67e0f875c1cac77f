package com.audiostems.workflows;

/** Task-queue names: the routing contract between the workflow starter and the worker pools. */
public final class TaskQueues {
  /**
   * Track workflows run here; their code is cheap and deterministic, so any CPU host may poll it.
   */
  public static final String TRACK_WORKFLOWS = "audio-workflows";

  /** Media activities (ffprobe, ffmpeg, tags, storage): CPU-bound, sized to the host's cores. */
  public static final String AUDIO_CPU = "audio-cpu";

  /**
   * Analysis activities (tempo, key, loudness, features): the GPU pool polls it; where a host has
   * no GPU the pool runs the CPU implementation, so the routing stays the same either way.
   */
  public static final String AUDIO_GPU = "audio-gpu";

  /**
   * The fingerprint catalogue's lookups and updates: polled by the one worker that holds the
   * catalogue's indexes (the embedded {@code process}/{@code serve}, or {@code worker --pool
   * catalogue}), so that one writer owns them.
   */
  public static final String CATALOGUE = "audio-catalogue";

  /**
   * The queue only one CPU host polls, beside {@link #AUDIO_CPU}: a track's media activities go
   * there once the host holds the track's working copy.
   *
   * @param hostId unique per worker process (host name plus a random suffix)
   */
  public static String cpuHost(String hostId) {
    return AUDIO_CPU + "-host-" + hostId;
  }

  /**
   * The queue on which the host of {@code hostQueue} answers liveness pings: a wait on the host's
   * own queue means a dead host only if this one stays unanswered too.
   */
  public static String livenessOf(String hostQueue) {
    return hostQueue + "-liveness";
  }

  private TaskQueues() {}
}
