package com.audiostems.workflows.metadata;

import java.util.List;

/**
 * One tag of the source in a format-neutral form, so it can be written into every output's own
 * tagging (ID3v2.4 frames, Vorbis comments, MP4 atoms).
 *
 * @param key for a standard field, jaudiotagger's generic field name ({@code TRACK}, {@code
 *     TRACK_TOTAL}, {@code ALBUM_ARTIST_SORT}, {@code MUSICBRAINZ_TRACK_ID}, {@code ISRC}...),
 *     which it maps to each format's frame or atom; for a custom tag, the source's own name (the
 *     TXXX description, the Vorbis comment name, the freeform atom's name)
 * @param custom whether the key is the source's own name rather than a standard field
 * @param values the values in source order; several for a multi-valued field (ISRCs, artists)
 */
public record SourceTag(String key, boolean custom, List<String> values) {
  public SourceTag {
    values = List.copyOf(values);
  }
}
