package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.SourceTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.aiff.AiffTag;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * Every text tag of a source, format-neutral: the fields jaudiotagger's generic table knows (under
 * their generic name, all values) and every other text field as a custom tag under its own name.
 * What no output should carry, or cannot, is listed with the reason.
 */
final class SourceTagCollector {
  /** The source's loudness normalisation describes its own encode; outputs are re-encoded. */
  private static final Pattern REPLAY_GAIN =
      Pattern.compile("(?i)(replaygain_.*|r128_.*_gain|mp3gain_.*|itunnorm)");

  /** The tools and settings of the source's encode; each output names its own encoder. */
  private static final Pattern ENCODER =
      Pattern.compile("(?i)(encoder|encoder_options|encodersettings|encoding|itunsmpb|vendor)");

  private static final Pattern OF_TOTAL = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

  /** ID3 frames, MP4 atoms and Vorbis names that hold the pictures, read as artwork. */
  private static final Set<String> PICTURE_IDS =
      Set.of("APIC", "PIC", "METADATA_BLOCK_PICTURE", "COVERART", "COVERARTMIME", "covr");

  /** ID3 TSSE: "software/hardware and settings used for encoding". */
  private static final Set<String> ENCODER_FRAMES = Set.of("TSSE", "TSS", "TENC", "©too");

  static final String REPLAY_GAIN_REASON =
      "the source's ReplayGain describes its own encode; outputs are re-encoded";
  static final String ENCODER_REASON = "it names the source's encoder; each output is made by ours";

  private SourceTagCollector() {}

  /** The tags found and, in {@code dropped}, those left out with the reason. */
  static List<SourceTag> collect(Tag read, List<DroppedTag> dropped) {
    Tag tag = unwrap(read);
    if (tag == null) {
      return List.of();
    }
    TagFamily family = TagFamily.of(tag);
    Map<FieldKey, String> rawIds = family == null ? Map.of() : TagFamily.rawIds(tag);
    Map<String, SourceTag> tags = new LinkedHashMap<>();
    Map<String, List<String>> valuesByRawId = new HashMap<>();
    Set<String> standardRawIds = new HashSet<>();
    for (FieldKey key : FieldKey.values()) {
      if (key == FieldKey.COVER_ART) {
        continue;
      }
      List<String> values = standardValues(tag, key);
      String rawId = rawIds.get(key);
      if (rawId != null) {
        standardRawIds.add(rawId);
      }
      if (values.isEmpty()) {
        continue;
      }
      // Two generic names for one field (ORIGINAL_YEAR and ORIGINALRELEASEDATE both in TDOR) would
      // write its values twice; TRACK and TRACK_TOTAL share TRCK but hold different values.
      if (rawId != null && values.equals(valuesByRawId.get(rawId))) {
        continue;
      }
      if (rawId != null) {
        valuesByRawId.put(rawId, values);
      }
      if (key == FieldKey.ENCODER) {
        TagBudget.drop(dropped, key.name(), ENCODER_REASON);
        continue;
      }
      tags.put(key.name(), new SourceTag(key.name(), false, values));
    }
    splitOfTotal(tags, FieldKey.TRACK, FieldKey.TRACK_TOTAL);
    splitOfTotal(tags, FieldKey.DISC_NO, FieldKey.DISC_TOTAL);
    if (family != null) {
      collectCustom(tag, family, standardRawIds, tags, dropped);
    }
    return List.copyOf(tags.values());
  }

  private static void collectCustom(
      Tag tag,
      TagFamily family,
      Set<String> standardRawIds,
      Map<String, SourceTag> tags,
      List<DroppedTag> dropped) {
    Map<String, List<String>> custom = new LinkedHashMap<>();
    Map<String, String> nameOf = new HashMap<>();
    Set<String> standardUpper = new HashSet<>();
    standardRawIds.forEach(id -> standardUpper.add(id.toUpperCase(Locale.ROOT)));
    for (Iterator<TagField> fields = tag.getFields(); fields.hasNext(); ) {
      TagField field = fields.next();
      String rawId = TagFamily.rawIdOf(field);
      if (standardUpper.contains(rawId.toUpperCase(Locale.ROOT))
          || PICTURE_IDS.contains(field.getId())) {
        continue;
      }
      String key = TagFamily.customKeyOf(field);
      if (key == null) {
        String reason =
            ENCODER_FRAMES.contains(field.getId())
                ? ENCODER_REASON
                : "'"
                    + field.getId()
                    + "' is a "
                    + (field.isBinary() ? "binary " : "")
                    + "field with no equivalent in the other formats";
        TagBudget.drop(dropped, rawId, reason);
        continue;
      }
      if (REPLAY_GAIN.matcher(key).matches()) {
        TagBudget.drop(dropped, key, REPLAY_GAIN_REASON);
        continue;
      }
      if (ENCODER.matcher(key).matches()) {
        TagBudget.drop(dropped, key, ENCODER_REASON);
        continue;
      }
      // Vorbis names are case-insensitive: "isrc" and "ISRC" are one key.
      String name = nameOf.computeIfAbsent(key.toUpperCase(Locale.ROOT), upper -> key);
      for (String value : TagFamily.valuesOf(field)) {
        String clean = cleanValue(value);
        if (clean != null) {
          custom.computeIfAbsent(name, k -> new ArrayList<>()).add(clean);
        }
      }
    }
    custom.forEach(
        (key, values) -> tags.putIfAbsent("custom:" + key, new SourceTag(key, true, values)));
  }

  /**
   * "7/9" as a Vorbis TRACKNUMBER (ffmpeg writes it so) is track 7 of 9: ID3's TRCK and MP4's trkn
   * hold the two numbers apart, and a "7/9" track number would not survive them.
   */
  private static void splitOfTotal(Map<String, SourceTag> tags, FieldKey number, FieldKey total) {
    SourceTag tag = tags.get(number.name());
    if (tag == null || tag.values().size() != 1) {
      return;
    }
    Matcher ofTotal = OF_TOTAL.matcher(tag.values().get(0));
    if (!ofTotal.matches()) {
      return;
    }
    tags.put(number.name(), new SourceTag(number.name(), false, List.of(ofTotal.group(1))));
    tags.putIfAbsent(total.name(), new SourceTag(total.name(), false, List.of(ofTotal.group(2))));
  }

  /** The values of a generic field, in order, without NULs or blanks; empty when it has none. */
  private static List<String> standardValues(Tag tag, FieldKey key) {
    List<String> values = new ArrayList<>();
    try {
      for (String value : tag.getAll(key)) {
        String clean = cleanValue(value);
        if (clean != null) {
          values.add(clean);
        }
      }
    } catch (Exception | Error e) {
      // jaudiotagger throws for a generic field a format has no place for
    }
    return values;
  }

  /** Without NULs (C-string padding) and surrounding blanks; null when nothing is left. */
  static String cleanValue(String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.replace("\0", "").strip();
    return text.isEmpty() ? null : text;
  }

  /** The tag that holds the fields: FLAC's comments, a WAV's or AIFF's ID3 chunk when present. */
  private static Tag unwrap(Tag tag) {
    return switch (tag) {
      case null -> null;
      case FlacTag flac -> flac.getVorbisCommentTag();
      case WavTag wav ->
          wav.isExistingId3Tag() && wav.getID3Tag() != null ? wav.getID3Tag() : wav.getInfoTag();
      case AiffTag aiff -> aiff.getID3Tag();
      default -> tag;
    };
  }
}
