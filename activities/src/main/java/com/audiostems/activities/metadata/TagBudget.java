package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.SourceTag;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a source's tags within what a workflow payload can carry. The tags travel in {@code
 * TrackMetadata} (activity results, lane requests, the manifest); Temporal refuses payloads over 2
 * MB and warns at 512 KB. A real CD rip has 35 keys of a few hundred characters with its lyrics; a
 * crafted file can hold thousands of frames of megabytes. What does not fit is listed, never cut
 * silently: a truncated ISRC or barcode would be a wrong one.
 */
final class TagBudget {
  /** Picard's fullest tagging of a classical box set writes about 90 keys. */
  static final int MAX_TAGS = 256;

  static final int MAX_VALUES_PER_TAG = 64;

  /** Song lyrics run to a few thousand characters; {@link TextField#MAX_CHARS} for one value. */
  static final int MAX_VALUE_CHARS = TextField.MAX_CHARS;

  static final int MAX_KEY_CHARS = 256;

  /** All keys and values together: 128 Ki characters, at most 512 KB as UTF-8. */
  static final int MAX_TOTAL_CHARS = 128 * 1024;

  /** The dropped list is itself bounded: past this, one entry says how many more there were. */
  static final int MAX_DROPPED = 256;

  private TagBudget() {}

  /** The tags that fit, in order; what does not is added to {@code dropped}. */
  static List<SourceTag> apply(List<SourceTag> tags, List<DroppedTag> dropped) {
    List<SourceTag> kept = new ArrayList<>();
    long totalChars = 0;
    for (SourceTag tag : tags) {
      String key = tag.key();
      if (key.length() > MAX_KEY_CHARS) {
        drop(
            dropped,
            key.substring(0, 64) + "…",
            "its name is over " + MAX_KEY_CHARS + " characters");
        continue;
      }
      if (kept.size() == MAX_TAGS) {
        drop(
            dropped,
            key,
            "the source has more than " + MAX_TAGS + " tags; only the first are kept");
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String value : tag.values()) {
        if (value.length() > MAX_VALUE_CHARS) {
          drop(
              dropped,
              key,
              "a value of "
                  + value.length()
                  + " characters is over the "
                  + MAX_VALUE_CHARS
                  + "-character limit");
        } else if (values.size() == MAX_VALUES_PER_TAG) {
          drop(dropped, key, "values past the " + MAX_VALUES_PER_TAG + "th are not kept");
          break;
        } else if (totalChars + key.length() + value.length() > MAX_TOTAL_CHARS) {
          drop(
              dropped, key, "the source's tags are over " + MAX_TOTAL_CHARS + " characters in all");
        } else {
          totalChars += key.length() + value.length();
          values.add(value);
        }
      }
      if (!values.isEmpty()) {
        kept.add(new SourceTag(key, tag.custom(), values));
      }
    }
    return kept;
  }

  /** Adds a drop unless the list is full; the last slot says how many were left out. */
  static void drop(List<DroppedTag> dropped, String key, String reason) {
    drop(dropped, new DroppedTag(DroppedTag.ALL_FORMATS, key, reason));
  }

  static void drop(List<DroppedTag> dropped, DroppedTag entry) {
    if (dropped.contains(entry)) {
      return;
    }
    if (dropped.size() < MAX_DROPPED - 1) {
      dropped.add(entry);
    } else if (dropped.size() == MAX_DROPPED - 1) {
      dropped.add(
          new DroppedTag(
              DroppedTag.ALL_FORMATS,
              "…",
              "more tags were dropped than the " + MAX_DROPPED + " this list holds"));
    }
  }
}
