package com.audiostems.app;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code audiostems worker --pool cpu|gpu --temporal HOST:PORT [--namespace NS]
 * [--tls-cert F --tls-key F | --api-key K]}.
 *
 * @param pool the pool to run: {@code cpu} or {@code gpu}
 * @param settings Spring settings that the other flags stand for, under {@code audiostems.temporal}
 */
public record WorkerOptions(String pool, Map<String, Object> settings) {

  public static final String USAGE =
      """
      usage: audiostems worker --pool cpu|gpu|catalogue --temporal HOST:PORT [--namespace NS] [--tls-cert F --tls-key F | --api-key K]
        Runs a worker pool against an existing Temporal server until Ctrl-C or SIGTERM.
        --pool cpu|gpu|catalogue  the pool: cpu (track workflows, media activities), gpu (analysis) or
                             catalogue (the fingerprint indexes: run exactly one)
        --temporal HOST:PORT the server (default: audiostems.temporal.target)
        --namespace NS       the namespace to poll (default: audiostems.temporal.namespace)
        --tls-cert F         mTLS client certificate chain, PEM (Temporal Cloud); needs --tls-key
        --tls-key F          its PKCS#8 private key, PEM
        --api-key K          API key (Temporal Cloud); AUDIOSTEMS_TEMPORAL_APIKEY keeps it off the command line
      """;

  private static final Map<String, String> SETTING_OF_FLAG =
      Map.of(
          "--temporal", "audiostems.temporal.target",
          "--namespace", "audiostems.temporal.namespace",
          "--tls-cert", "audiostems.temporal.tls.cert",
          "--tls-key", "audiostems.temporal.tls.key",
          "--api-key", "audiostems.temporal.api-key");

  public static WorkerOptions parse(List<String> args) {
    Set<String> names = new HashSet<>(SETTING_OF_FLAG.keySet());
    names.add("--pool");
    Map<String, String> flags = CommandFlags.parse(args, names);
    String pool = flags.get("--pool");
    if (pool == null) {
      throw new IllegalArgumentException("Missing --pool cpu|gpu|catalogue");
    }
    if (!pool.equals("cpu") && !pool.equals("gpu") && !pool.equals("catalogue")) {
      throw new IllegalArgumentException("Unknown pool '" + pool + "'; the pools are: cpu, gpu, catalogue");
    }
    if (flags.containsKey("--tls-cert") != flags.containsKey("--tls-key")) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (flags.containsKey("--tls-cert") && flags.containsKey("--api-key")) {
      throw new IllegalArgumentException("Use --tls-cert/--tls-key or --api-key, not both");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    SETTING_OF_FLAG.forEach((flag, setting) -> {
      if (flags.containsKey(flag)) {
        settings.put(setting, flags.get(flag));
      }
    });
    return new WorkerOptions(pool, Map.copyOf(settings));
  }
}
