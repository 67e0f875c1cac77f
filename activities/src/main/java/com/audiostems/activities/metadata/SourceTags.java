package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.SourceTag;
import java.util.List;
import java.util.Map;

/**
 * What jaudiotagger found in a file's tag.
 *
 * @param text the cleaned, non-blank values found (fields that are absent are not keys)
 * @param artwork the front cover, else the first image; null when there is none
 * @param all every text tag, before the payload budget
 * @param dropped what no output will carry, with the reason
 */
record SourceTags(
    Map<TextField, String> text,
    EmbeddedImage artwork,
    List<SourceTag> all,
    List<DroppedTag> dropped) {

  static SourceTags none() {
    return new SourceTags(Map.of(), null, List.of(), List.of());
  }
}
