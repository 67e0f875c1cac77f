package com.audiostems.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the flags of {@code serve} and {@code worker}: {@code --name VALUE} or {@code --name=VALUE}. */
final class CommandFlags {
  private CommandFlags() {}

  /**
   * @param names the flags the command knows
   * @return each flag given, by name; Spring settings ({@code --audiostems.x=y}) are skipped: Spring
   *     Boot applies them itself
   */
  static Map<String, String> parse(List<String> args, Set<String> names) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--audiostems.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals >= 0 ? arg.substring(0, equals) : arg;
      if (!names.contains(name)) {
        throw new IllegalArgumentException((arg.startsWith("-") ? "Unknown option " : "Unexpected argument ") + arg);
      }
      String value = equals >= 0 ? arg.substring(equals + 1) : (i + 1 < args.size() ? args.get(++i) : "");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      flags.put(name, value);
    }
    return flags;
  }
}
