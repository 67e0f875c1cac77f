package com.audiostems.gateway.tracks;

/** Where to go next with a track; paths relative to the gateway's root. */
public record TrackLinks(String self, String files, String reprocess) {

  public static TrackLinks of(String trackId) {
    String self = "/v1/tracks/" + trackId;
    return new TrackLinks(self, self + "/files", self + "/reprocess");
  }
}
