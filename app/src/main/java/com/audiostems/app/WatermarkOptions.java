package com.audiostems.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code audiostems watermark detect FILE [--store DIR]}.
 *
 * @param file the audio file to look for a mark in
 * @param storeRoot the local store whose registry names the track of a found mark; null for
 *     {@code audiostems.storage.root}
 */
public record WatermarkOptions(Path file, Path storeRoot) {

  public static final String USAGE =
      """
      usage: audiostems watermark detect FILE [--store DIR]
        Decodes FILE (any format ffmpeg reads), looks for the invisible watermark with every configured
        key (audiostems.watermark.keys, and the generated key of a local deployment) and prints the
        payload, the key, the track the local store's registry names, and where along the file the
        mark is present. Exit codes: 0 found, 3 no mark found, 2 not decodable audio, 1 failed,
        64 bad arguments, 66 no such file.
        --store DIR          the local store whose registry resolves the payload (default: audiostems.storage.root)
      """;

  /** Parses the words after "watermark"; throws IllegalArgumentException with a usable message. */
  public static WatermarkOptions parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("detect")) {
      throw new IllegalArgumentException(
          args.isEmpty() ? "watermark needs a subcommand: detect FILE" : "Unknown watermark subcommand " + args.get(0));
    }
    List<String> files = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    List<String> rest = args.subList(1, args.size());
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (arg.startsWith("-")) {
        flags.add(arg);
        if (arg.equals("--store") && i + 1 < rest.size()) {
          flags.add(rest.get(++i));
        }
      } else {
        files.add(arg);
      }
    }
    Map<String, String> parsed = CommandFlags.parse(flags, Set.of("--store"));
    if (files.size() != 1) {
      throw new IllegalArgumentException(files.isEmpty() ? "watermark detect needs a FILE" : "One FILE at a time; got " + files);
    }
    return new WatermarkOptions(Path.of(files.get(0)), parsed.containsKey("--store") ? Path.of(parsed.get("--store")) : null);
  }
}
