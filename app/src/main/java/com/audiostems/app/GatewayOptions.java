package com.audiostems.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code audiostems gateway --temporal HOST:PORT [--namespace NS]}.
 *
 * @param settings Spring settings that the flags stand for, under {@code audiostems.temporal}
 */
public record GatewayOptions(Map<String, Object> settings) {

  public static final String USAGE =
      """
      usage: audiostems gateway --temporal HOST:PORT [--namespace NS]
        Runs the REST gateway alone against an existing Temporal server until Ctrl-C or SIGTERM, on the
        store the workers use (audiostems.storage.*) and the serve settings of the gateway (port, keys).
        --temporal HOST:PORT the server (default: audiostems.temporal.target)
        --namespace NS       the namespace of the track workflows (default: audiostems.temporal.namespace)
      """;

  private static final Map<String, String> SETTING_OF_FLAG =
      Map.of("--temporal", "audiostems.temporal.target", "--namespace", "audiostems.temporal.namespace");

  public static GatewayOptions parse(List<String> args) {
    Map<String, String> flags = CommandFlags.parse(args, SETTING_OF_FLAG.keySet());
    Map<String, Object> settings = new LinkedHashMap<>();
    SETTING_OF_FLAG.forEach(
        (flag, setting) -> {
          if (flags.containsKey(flag)) {
            settings.put(setting, flags.get(flag));
          }
        });
    return new GatewayOptions(Map.copyOf(settings));
  }
}
