package com.audiostems.workflows.metadata;

/**
 * The descriptive metadata of a track, read from the source's own tagging. Absent fields are null.
 *
 * @param ixml the iXML chunk of a BWF, verbatim, or null
 */
public record TrackMetadata(
    String title,
    String artist,
    String album,
    String isrc,
    String composer,
    String publisher,
    String genre,
    String year,
    String comment,
    ArtworkRef artwork,
    BroadcastExtension bext,
    String ixml) {

  public static TrackMetadata empty() {
    return new TrackMetadata(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
