package com.audiostems.app;

import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of {@code audiostems process FILE [--out DIR] [--formats f1,f2] [--temporal
 * host:port] [--track-id ID] [--tier TIER]}.
 *
 * @param requiredTier the tier the quality checks must find the source at; null for none
 * @param duplicatePolicy what a duplicate of a published track becomes; null for the configured
 *     {@code audiostems.catalogue.duplicate-policy}
 */
public record ProcessOptions(
    Path file,
    Path outDir,
    List<OutputFormat> formats,
    String temporalTarget,
    String trackId,
    QualityTier requiredTier,
    DuplicatePolicy duplicatePolicy) {

  public static final String USAGE =
      """
      usage: audiostems process FILE [--out DIR] [--formats LIST] [--temporal HOST:PORT] [--track-id ID] [--tier TIER]
                                [--duplicates reject|link]
        --out DIR            where outputs and the manifest go (default: audiostems.storage.root)
        --formats LIST       comma-separated, of: %s (default: all)
        --temporal HOST:PORT use an existing Temporal server instead of the in-process one
        --track-id ID        the track's id (letters, digits, '-', '_'); default: a new random id
        --tier TIER          reject the source unless the quality checks find it at least at TIER:
                             minimum, standard, high or professional (default: no requirement)
        --duplicates POLICY  a recording the catalogue already publishes is rejected (reject) or
                             published as an alternate version of that track (link); default:
                             audiostems.catalogue.duplicate-policy
      """
          .formatted(String.join(", ", formatNames()));

  /** Parses the words after "process"; throws IllegalArgumentException with a usable message. */
  public static ProcessOptions parse(List<String> args) {
    Path file = null;
    Path out = null;
    List<OutputFormat> formats = List.of();
    String temporal = null;
    String trackId = null;
    QualityTier tier = null;
    DuplicatePolicy duplicates = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--out" -> out = Path.of(value(args, i, arg));
        case "--formats" -> formats = parseFormats(value(args, i, arg));
        case "--temporal" -> temporal = value(args, i, arg);
        case "--track-id" -> trackId = value(args, i, arg);
        case "--tier" -> tier = parseTier(value(args, i, arg));
        case "--duplicates" -> duplicates = parseDuplicatePolicy(value(args, i, arg));
        default -> {
          file = fileOrSetting(arg, file);
          continue;
        }
      }
      if (!arg.contains("=")) {
        i++;
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("Missing FILE");
    }
    return new ProcessOptions(file, out, formats, temporal, trackId, tier, duplicates);
  }

  static DuplicatePolicy parseDuplicatePolicy(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "reject" -> DuplicatePolicy.REJECT;
      case "link", "link-as-alternate" -> DuplicatePolicy.LINK_AS_ALTERNATE;
      default -> throw new IllegalArgumentException("Unknown duplicate policy '" + name + "'; use reject or link");
    };
  }

  /**
   * A word that is no option of the command: a Spring Boot setting passes (already applied), any
   * other "-" word is an unknown option, and the one plain word is FILE. Returns FILE so far.
   */
  static Path fileOrSetting(String arg, Path file) {
    if (arg.startsWith("--audiostems.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
      return file;
    }
    if (arg.startsWith("-")) {
      throw new IllegalArgumentException("Unknown option " + arg);
    }
    if (file != null) {
      throw new IllegalArgumentException("One FILE at a time; got " + file + " and " + arg);
    }
    return Path.of(arg);
  }

  /** The value of option {@code arg} at {@code i}: after its "=", else the next word. */
  static String value(List<String> args, int i, String arg) {
    if (arg.contains("=")) {
      return arg.substring(arg.indexOf('=') + 1);
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(arg + " needs a value");
    }
    return args.get(i + 1);
  }

  static List<OutputFormat> parseFormats(String list) {
    List<OutputFormat> formats = new ArrayList<>();
    for (String name : list.split(",")) {
      String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        formats.add(OutputFormat.valueOf(wanted));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Unknown format '" + name.strip() + "'; choose from " + String.join(", ", formatNames()));
      }
    }
    return List.copyOf(formats);
  }

  static QualityTier parseTier(String name) {
    try {
      return QualityTier.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown tier '" + name.strip() + "'; choose from minimum, standard, high, professional");
    }
  }

  private static List<String> formatNames() {
    return java.util.Arrays.stream(OutputFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }
}
