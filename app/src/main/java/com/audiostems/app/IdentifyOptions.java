package com.audiostems.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of {@code audiostems identify FILE [--out DIR] [--temporal HOST:PORT]} and {@code
 * audiostems reference add FILE --id ID [--title TITLE] [--out DIR]}.
 *
 * @param referenceId the reference work's id ({@code reference add}); null for identify
 * @param title the reference work's human name; may be null
 */
public record IdentifyOptions(Path file, Path outDir, String temporalTarget, String referenceId, String title) {

  public static final String USAGE =
      """
      usage: audiostems identify FILE [--out DIR] [--temporal HOST:PORT]
        Finds where FILE (a whole track or an excerpt of 5 s or more) occurs among the catalogue's
        published tracks and its reference works. Exit 0: found, 3: not found.
        --out DIR            the store whose catalogue to search (default: audiostems.storage.root)
        --temporal HOST:PORT ask a running server's catalogue worker instead of this process
      usage: audiostems reference add FILE --id ID [--title TITLE] [--out DIR]
        Adds a third party's recording to the reference works: an ingest that matches it is held
        for an operator's review. Needs the catalogue's directory free (no serve running on it).
      """;

  static IdentifyOptions parseIdentify(List<String> args) {
    return parse(args, false);
  }

  /** The words after "reference": "add FILE --id ID ...". */
  static IdentifyOptions parseReference(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("add")) {
      throw new IllegalArgumentException("reference takes one action: add");
    }
    IdentifyOptions options = parse(args.subList(1, args.size()), true);
    if (options.referenceId() == null) {
      throw new IllegalArgumentException("Missing --id ID");
    }
    return options;
  }

  private static IdentifyOptions parse(List<String> args, boolean reference) {
    Path file = null;
    Path out = null;
    String temporal = null;
    String id = null;
    String title = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--out" -> out = Path.of(ProcessOptions.value(args, i, arg));
        case "--temporal" -> {
          if (reference) {
            throw new IllegalArgumentException("reference add runs here, on the catalogue's directory: no --temporal");
          }
          temporal = ProcessOptions.value(args, i, arg);
        }
        case "--id" -> id = ProcessOptions.value(args, i, arg);
        case "--title" -> title = ProcessOptions.value(args, i, arg);
        default -> {
          file = ProcessOptions.fileOrSetting(arg, file);
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
    if (!reference && (id != null || title != null)) {
      throw new IllegalArgumentException("--id and --title belong to reference add");
    }
    return new IdentifyOptions(file, out, temporal, id, title);
  }
}
