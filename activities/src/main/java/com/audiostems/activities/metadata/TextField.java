package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.TrackMetadata;
import java.util.function.Function;
import org.jaudiotagger.tag.FieldKey;

/**
 * The descriptive text fields of {@link TrackMetadata}, each with jaudiotagger's generic key and
 * the RIFF INFO id used for WAV. Reading and writing both go through this table, so a WAV we tag
 * reads back the same way jaudiotagger (and our own INFO reader) sees it.
 */
enum TextField {
  TITLE(FieldKey.TITLE, "INAM", TrackMetadata::title),
  ARTIST(FieldKey.ARTIST, "IART", TrackMetadata::artist),
  ALBUM(FieldKey.ALBUM, "IPRD", TrackMetadata::album),
  // INFO "ISRC" is officially "source", but it is where jaudiotagger, and the tools that follow it,
  // keep the recording code; INFO has no other home for it.
  ISRC(FieldKey.ISRC, "ISRC", TrackMetadata::isrc),
  COMPOSER(FieldKey.COMPOSER, "IMUS", TrackMetadata::composer),
  // jaudiotagger's RECORD_LABEL is the field that lands in ID3's TPUB ("publisher"); in INFO it
  // uses ICMS, so we do too rather than invent an id nothing reads.
  PUBLISHER(FieldKey.RECORD_LABEL, "ICMS", TrackMetadata::publisher),
  GENRE(FieldKey.GENRE, "IGNR", TrackMetadata::genre),
  YEAR(FieldKey.YEAR, "ICRD", TrackMetadata::year),
  COMMENT(FieldKey.COMMENT, "ICMT", TrackMetadata::comment);

  /**
   * Longest value kept. A hostile tag can hold megabytes of "title", and the metadata travels in
   * Temporal payloads, which have a size limit of a few MB for the whole record.
   */
  static final int MAX_CHARS = 16_384;

  private final FieldKey fieldKey;
  private final String infoId;
  private final Function<TrackMetadata, String> accessor;

  TextField(FieldKey fieldKey, String infoId, Function<TrackMetadata, String> accessor) {
    this.fieldKey = fieldKey;
    this.infoId = infoId;
    this.accessor = accessor;
  }

  FieldKey fieldKey() {
    return fieldKey;
  }

  String infoId() {
    return infoId;
  }

  /** This field's value in the metadata, cleaned; null when absent or blank. */
  String valueIn(TrackMetadata metadata) {
    return metadata == null ? null : clean(accessor.apply(metadata));
  }

  /** Trimmed, without NULs (C-string padding), capped at {@link #MAX_CHARS}; null when blank. */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.replace("\0", "").strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }
}
