package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.SourceTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * Which of a track's tags an output's tag family holds, and why the others are left out. The read
 * stage plans every format to list the drops in the manifest; the tagger plans again and writes
 * exactly what the plan keeps, so the two always agree.
 *
 * @param writable the tags to write, with only the values the family accepts
 * @param dropped what the family cannot hold, for {@code format}
 */
record TagPlan(List<SourceTag> writable, List<DroppedTag> dropped) {

  /**
   * @param format the output container named in each drop ("wav" tags in its {@code id3 } chunk)
   */
  static TagPlan of(TagFamily family, String format, List<SourceTag> tags) {
    Tag scratch = family.emptyTag();
    Map<FieldKey, String> rawIds = TagFamily.rawIds(scratch);
    List<SourceTag> writable = new ArrayList<>();
    List<DroppedTag> dropped = new ArrayList<>();
    for (SourceTag tag : tags) {
      if (tag.custom()) {
        String problem = family.customKeyProblem(tag.key());
        if (problem == null) {
          writable.add(tag);
        } else {
          dropped.add(new DroppedTag(format, tag.key(), problem));
        }
        continue;
      }
      FieldKey key = fieldKey(tag.key());
      if (key == null || !rawIds.containsKey(key)) {
        dropped.add(
            new DroppedTag(format, tag.key(), format + " tagging has no field for " + tag.key()));
        continue;
      }
      List<String> accepted = new ArrayList<>();
      for (String value : tag.values()) {
        try {
          scratch.createField(key, value);
          accepted.add(value);
        } catch (Exception e) {
          dropped.add(
              new DroppedTag(
                  format,
                  tag.key(),
                  "'"
                      + value
                      + "' is not a value "
                      + format
                      + " can hold in "
                      + rawIds.get(key)
                      + " ("
                      + e.getMessage()
                      + ")"));
        }
      }
      if (!accepted.isEmpty()) {
        writable.add(new SourceTag(tag.key(), false, accepted));
      }
    }
    return new TagPlan(List.copyOf(writable), List.copyOf(dropped));
  }

  static FieldKey fieldKey(String name) {
    try {
      return FieldKey.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
