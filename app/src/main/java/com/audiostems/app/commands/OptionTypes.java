package com.audiostems.app.commands;

import com.audiostems.app.pools.Pool;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the commands read their option values: enum names as people write them, and ids the store
 * accepts.
 */
final class OptionTypes {
  private OptionTypes() {}

  /**
   * An enum option's values in lower case with '-' for '_' ({@code mp3-320}, {@code
   * preview-mp3-128}), listed in the help ({@code ${COMPLETION-CANDIDATES}}) and in the error a
   * wrong value gets.
   */
  abstract static class EnumNames<E extends Enum<E>>
      implements ITypeConverter<E>, Iterable<String> {
    private final String what;
    private final Map<String, E> byName = new LinkedHashMap<>();
    private final List<String> shown;

    /**
     * @param shortNames names that stand for a constant too, and are the ones shown when given
     */
    EnumNames(String what, Class<E> type, Map<String, E> shortNames) {
      this.what = what;
      Arrays.stream(type.getEnumConstants()).forEach(value -> byName.put(nameOf(value), value));
      byName.putAll(shortNames);
      shown =
          shortNames.isEmpty()
              ? List.copyOf(byName.keySet())
              : shortNames.entrySet().stream()
                  .sorted(Comparator.comparing(entry -> entry.getValue().ordinal()))
                  .map(Map.Entry::getKey)
                  .toList();
    }

    @Override
    public E convert(String value) {
      E found = byName.get(value.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (found == null) {
        throw new TypeConversionException(
            "Unknown "
                + what
                + " '"
                + value.strip()
                + "'; choose from "
                + String.join(", ", shown));
      }
      return found;
    }

    @Override
    public Iterator<String> iterator() {
      return shown.iterator();
    }

    private static String nameOf(Enum<?> value) {
      return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  static final class Formats extends EnumNames<OutputFormat> {
    Formats() {
      super("format", OutputFormat.class, Map.of());
    }
  }

  static final class Tiers extends EnumNames<QualityTier> {
    Tiers() {
      super("tier", QualityTier.class, Map.of());
    }
  }

  static final class DuplicatePolicies extends EnumNames<DuplicatePolicy> {
    DuplicatePolicies() {
      super(
          "duplicate policy",
          DuplicatePolicy.class,
          Map.of("reject", DuplicatePolicy.REJECT, "link", DuplicatePolicy.LINK_AS_ALTERNATE));
    }
  }

  static final class Pools extends EnumNames<Pool> {
    Pools() {
      super("pool", Pool.class, Map.of());
    }
  }

  /** A track's id as the store's keys allow it. */
  static final class TrackIds implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return storeId(value, "Track id");
    }
  }

  /** A reference work's id: the same rule as a track's. */
  static final class ReferenceIds implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return storeId(value, "Reference id");
    }
  }

  private static String storeId(String value, String what) {
    try {
      return BlobKeys.requireTrackId(value);
    } catch (ApplicationFailure e) {
      throw new TypeConversionException(e.getOriginalMessage().replace("Track id", what));
    }
  }
}
