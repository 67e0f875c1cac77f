package com.audiostems.workflows.metadata;

import java.util.List;

/**
 * The descriptive metadata of a track, read from the source's own tagging. Absent fields are null.
 * The named fields are the first values of the common tags (titles, search, RIFF INFO); {@code
 * tags} holds every tag the source carries, which is what outputs are tagged with.
 *
 * @param ixml the iXML chunk of a BWF, verbatim, or null
 * @param tags every text tag of the source, within the size limits of a workflow payload (see
 *     activities' TagBudget); empty for metadata recorded before tags were kept
 * @param droppedTags the source's tags some output format does not carry, each with its reason
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
    String ixml,
    List<SourceTag> tags,
    List<DroppedTag> droppedTags) {

  public TrackMetadata {
    // Histories recorded before these fields existed deserialise them as null.
    tags = tags == null ? List.of() : List.copyOf(tags);
    droppedTags = droppedTags == null ? List.of() : List.copyOf(droppedTags);
  }

  /** Metadata with only the named fields (no full tag list). */
  public TrackMetadata(
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
    this(
        title, artist, album, isrc, composer, publisher, genre, year, comment, artwork, bext, ixml,
        List.of(), List.of());
  }

  public static TrackMetadata empty() {
    return new TrackMetadata(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
