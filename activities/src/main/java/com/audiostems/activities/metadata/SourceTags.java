package com.audiostems.activities.metadata;

import java.util.Map;

/**
 * What jaudiotagger found in a file's tag.
 *
 * @param text the cleaned, non-blank values found (fields that are absent are not keys)
 * @param artwork the front cover, else the first image; null when there is none
 */
record SourceTags(Map<TextField, String> text, EmbeddedImage artwork) {

  static SourceTags none() {
    return new SourceTags(Map.of(), null);
  }
}
