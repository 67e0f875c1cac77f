package com.audiostems.app.commands;

import com.audiostems.app.analytics.AnalyticsRunner;
import com.audiostems.ledger.analytics.AnalyticsWindow;
import com.audiostems.ledger.analytics.Granularity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostems analytics processing|quality|business}: the figures of the gateway's {@code
 * /v1/analytics/*}, as the same JSON, from the ledger.
 */
@Command(
    name = "analytics",
    description =
        "Print the ledger's analytics as JSON (the gateway's /v1/analytics/* documents):"
            + " analytics processing|quality|business [--from WHEN] [--to WHEN].",
    subcommands = {
      AnalyticsCommand.Processing.class,
      AnalyticsCommand.Quality.class,
      AnalyticsCommand.Business.class
    })
final class AnalyticsCommand {
  @Mixin HelpOption help;

  /** The options every analytics question takes: its window and which ledger. */
  static final class Window {
    @Option(
        names = "--from",
        paramLabel = "WHEN",
        description =
            "start of the window, inclusive: 2026-12-01 or 2026-12-01T00:00:00Z (UTC); default 30 days before --to")
    String from;

    @Option(
        names = "--to",
        paramLabel = "WHEN",
        description = "end of the window, exclusive; default now")
    String to;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "the local store whose embedded ledger to read (default: audiostems.storage.root)")
    Path outDir;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description =
            "the ledger's database, e.g. jdbc:postgresql://db:5432/audiostems (default: audiostems.ledger.jdbc-url)")
    String jdbcUrl;
  }

  /** One analytics question: reads the window, opens the ledger, prints the answer. */
  abstract static class Question extends SpringCommand {
    @Mixin Window window;

    private AnalyticsWindow read;

    abstract AnalyticsRunner.Question question();

    @Override
    Map<String, Object> settings() {
      return window.jdbcUrl == null
          ? Map.of()
          : Map.of("audiostems.ledger.jdbc-url", window.jdbcUrl);
    }

    @Override
    void check() {
      if (window.jdbcUrl != null && !window.jdbcUrl.startsWith("jdbc:")) {
        throw usageError(
            "--jdbc-url must be a JDBC URL (jdbc:postgresql://...), not " + window.jdbcUrl);
      }
      read =
          AnalyticsRunner.read(
              null,
              ignored -> AnalyticsWindow.of(window.from, window.to, Clock.systemUTC().instant()),
              this::usageError);
      question();
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
      return context.getBean(AnalyticsRunner.class).run(question(), read, window.outDir, out, err);
    }
  }

  @Command(
      name = "processing",
      description = {
        "Journeys that ended in [--from, --to): volume by outcome and period, failure rate and failures by"
            + " reason, stage p50/p95, throughput and CPU cost.",
        "Exit codes: 0 printed, 1 no ledger or it cannot be read, 64 bad arguments."
      })
  static final class Processing extends Question {
    @Option(
        names = "--granularity",
        paramLabel = "PERIOD",
        defaultValue = "day",
        description = "day, week (from Monday) or month; default ${DEFAULT-VALUE}")
    String granularity;

    @Override
    AnalyticsRunner.Question question() {
      return new AnalyticsRunner.Processing(
          AnalyticsRunner.read(granularity, Granularity::parse, this::usageError));
    }
  }

  @Command(
      name = "quality",
      description = {
        "The scored sources whose journeys ended in [--from, --to): score distribution, tiers, findings by code.",
        "Exit codes: 0 printed, 1 no ledger or it cannot be read, 64 bad arguments."
      })
  static final class Quality extends Question {
    @Override
    AnalyticsRunner.Question question() {
      return new AnalyticsRunner.Quality();
    }
  }

  @Command(
      name = "business",
      description = {
        "Deliveries and licences in [--from, --to) by licensee, territory, track and genre; revenue by"
            + " currency; trending tracks; hour-of-day and day-of-week counts (UTC).",
        "Exit codes: 0 printed, 1 no ledger or it cannot be read, 64 bad arguments."
      })
  static final class Business extends Question {
    @Option(
        names = "--trending-days",
        paramLabel = "DAYS",
        defaultValue = "7",
        description = "the trending window's length in days, 1 to 366; default ${DEFAULT-VALUE}")
    int trendingDays;

    @Override
    AnalyticsRunner.Question question() {
      if (trendingDays < 1 || trendingDays > 366) {
        throw usageError("--trending-days must be from 1 to 366, not " + trendingDays);
      }
      return new AnalyticsRunner.Business(Duration.ofDays(trendingDays));
    }
  }
}
