package com.audiostems.app;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code audiostems serve [--data-dir DIR]}, as the settings they override.
 *
 * @param settings Spring settings that the flags stand for, e.g. {@code audiostems.temporal.data-dir}
 */
public record ServeOptions(Map<String, Object> settings) {

  public static final String USAGE =
      """
      usage: audiostems serve [--data-dir DIR]
        Runs the Temporal CLI's dev server (web UI included), the CPU worker pool and the REST API
        (audiostems.serve.gateway-port, default 8080; without configured keys it prints a generated
        admin API key) in this process until Ctrl-C or SIGTERM, then stops the REST API, the workers
        and the server, in that order.
        --data-dir DIR       where the server keeps temporal.db and temporal.log (default: audiostems.temporal.data-dir)
      """;

  public static ServeOptions parse(List<String> args) {
    Map<String, String> flags = CommandFlags.parse(args, Set.of("--data-dir"));
    return new ServeOptions(
        flags.containsKey("--data-dir") ? Map.of("audiostems.temporal.data-dir", flags.get("--data-dir")) : Map.of());
  }
}
