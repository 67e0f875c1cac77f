package com.audiostems.gateway.tracks;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the names of outputs, tiers and duplicate policies that clients send. The enum names are
 * the contract ({@code FLAC}, {@code MP3_320}); the CLI's spelling ({@code flac}, {@code mp3-320})
 * is accepted too, so that one list works in both places.
 */
public final class FormatAndTierNames {
  private FormatAndTierNames() {}

  /**
   * The formats named, in the enum's order and without repeats; null or empty gives an empty list.
   */
  public static List<OutputFormat> formats(List<String> names) {
    if (names == null || names.isEmpty()) {
      return List.of();
    }
    Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
    for (String name : names) {
      formats.add(parse(OutputFormat.class, name, "output format"));
    }
    return List.copyOf(formats);
  }

  /** The tier named, or null when none is. */
  public static QualityTier tier(String name) {
    return name == null || name.isBlank() ? null : parse(QualityTier.class, name, "tier");
  }

  /**
   * The duplicate policy named ({@code REJECT}, {@code LINK_AS_ALTERNATE} or {@code link}), or null
   * when none is.
   */
  public static DuplicatePolicy duplicatePolicy(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return "link".equalsIgnoreCase(name.trim())
        ? DuplicatePolicy.LINK_AS_ALTERNATE
        : parse(DuplicatePolicy.class, name, "duplicate policy");
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
    String normalised = name == null ? "" : name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(normalised)) {
        return value;
      }
    }
    throw Problems.badRequest(
        "bad-" + what.replace(' ', '-'),
        "Unknown "
            + what
            + " '"
            + name
            + "'; use one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + ".");
  }
}
