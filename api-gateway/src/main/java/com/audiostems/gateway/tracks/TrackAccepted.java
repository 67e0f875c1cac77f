package com.audiostems.gateway.tracks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a request the track carries out on its own time (start, re-process, delete).
 *
 * @param version the output version a re-process will publish; absent for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackAccepted(String trackId, Integer version, TrackLinks links) {

  public static TrackAccepted of(String trackId) {
    return new TrackAccepted(trackId, null, TrackLinks.of(trackId));
  }
}
