package com.audiostems.workflows.host;

/**
 * The worker host that holds a track's working copy.
 *
 * @param host the host's name, for people
 * @param taskQueue the queue only that host polls: the track's later media activities go there
 */
public record HostAffinity(String host, String taskQueue) {}
