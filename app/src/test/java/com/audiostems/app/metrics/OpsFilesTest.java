package com.audiostems.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.metrics.MetricNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.worker.MetricsType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboards and alert rules under {@code ops/} read only metrics the code makes: a renamed
 * instrument fails here, not on a blank panel in production.
 */
class OpsFilesTest {
  private static final Path OPS = Path.of("..", "ops");

  private static final Pattern METRIC =
      Pattern.compile("\\b((?:audiostems|temporal|process|http_server|jvm)_[a-z0-9_]+)\\b");

  /** Standard Micrometer meters the dashboards use: the JVM's binders and Spring MVC's timer. */
  private static final Set<String> STANDARD =
      Set.of("process_cpu_usage", "http_server_requests_seconds_count");

  @Test
  void everyDashboardParsesAndQueriesOnlyMetricsTheCodeMakes() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(OPS.resolve("grafana/dashboards"))) {
      dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards.stream().map(f -> f.getFileName().toString()))
        .contains(
            "audiostems-processing.json",
            "audiostems-quality.json",
            "audiostems-delivery-licences.json",
            "audiostems-cost.json");
    Set<String> known = knownMetrics();
    for (Path file : dashboards) {
      JsonNode board = new ObjectMapper().readTree(file.toFile());
      assertThat(board.path("uid").asText()).as(file + " uid").isNotBlank();
      assertThat(board.path("panels")).as(file + " panels").isNotEmpty();
      List<String> queried = new ArrayList<>();
      for (JsonNode panel : board.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          queried.addAll(metricsIn(target.path("expr").asText()));
        }
      }
      assertThat(queried).as(file + " queries metrics").isNotEmpty();
      assertThat(queried).as(file + ": metrics no instrument makes").allMatch(known::contains);
    }
  }

  @Test
  void everyAlertRuleQueriesOnlyMetricsTheCodeMakes() throws IOException {
    String rules = Files.readString(OPS.resolve("prometheus/audiostems-alerts.yml"));
    List<String> queried = metricsIn(rules);

    assertThat(queried).contains("audiostems_tracks_failed_total");
    assertThat(queried).allMatch(knownMetrics()::contains);
  }

  private static List<String> metricsIn(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /**
   * Every Prometheus series name the code can make: our instruments, the gateway's counters (read
   * from its sources) and Temporal's SDK metrics, each with Micrometer's suffixes.
   */
  private static Set<String> knownMetrics() throws IOException {
    Set<String> bases = new TreeSet<>();
    MetricNames.ALL.forEach(name -> bases.add(prometheusBase(name)));
    Matcher gateway =
        Pattern.compile("\"(audiostems\\.gateway\\.[a-z.-]+)\"").matcher(gatewaySources());
    while (gateway.find()) {
      bases.add(prometheusBase(gateway.group(1)));
    }
    for (Field field : MetricsType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          bases.add(prometheusBase((String) field.get(null)));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    Set<String> known = new TreeSet<>(STANDARD);
    for (String base : bases) {
      for (String unit : List.of("", "_seconds", "_bytes")) {
        for (String series : List.of("", "_total", "_count", "_sum", "_max", "_bucket")) {
          known.add(base + unit + series);
        }
      }
    }
    return known;
  }

  private static String prometheusBase(String micrometerName) {
    return micrometerName.replace('.', '_').replace('-', '_');
  }

  private static String gatewaySources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("..", "api-gateway", "src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }
}
