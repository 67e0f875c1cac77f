package com.audiostems.workflows.host;

/** Make the track's source available on the worker host that takes this activity. */
public record FetchSourceRequest(String trackId, String sourceKey) {}
