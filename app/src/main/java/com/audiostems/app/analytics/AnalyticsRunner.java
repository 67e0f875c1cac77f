package com.audiostems.app.analytics;

import com.audiostems.app.ledger.AppLedgers;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerException;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import com.audiostems.ledger.analytics.AnalyticsWindow;
import com.audiostems.ledger.analytics.Granularity;
import com.audiostems.ledger.analytics.LedgerAnalytics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems analytics processing|quality|business}: the ledger's analytics printed as the
 * JSON the gateway's {@code /v1/analytics/*} answers (the same {@link LedgerAnalytics} queries, the
 * same field names).
 */
@Component
public class AnalyticsRunner {
  /** Exit codes, as {@code ExitCodes} has them. */
  static final int OK = 0;

  static final int FAILED = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final AppLedgers ledgers;

  public AnalyticsRunner(AppLedgers ledgers) {
    this.ledgers = ledgers;
  }

  /** Which figures: the subcommand and its own option. */
  public sealed interface Question {
    Object answer(LedgerAnalytics analytics, AnalyticsWindow window);
  }

  public record Processing(Granularity granularity) implements Question {
    @Override
    public Object answer(LedgerAnalytics analytics, AnalyticsWindow window) {
      return analytics.processing(window.from(), window.to(), granularity);
    }
  }

  public record Quality() implements Question {
    @Override
    public Object answer(LedgerAnalytics analytics, AnalyticsWindow window) {
      return analytics.quality(window.from(), window.to());
    }
  }

  public record Business(Duration trendingWindow) implements Question {
    @Override
    public Object answer(LedgerAnalytics analytics, AnalyticsWindow window) {
      return analytics.business(window.from(), window.to(), trendingWindow);
    }
  }

  /**
   * Prints the answer. Exit codes: 0 printed; 1 no ledger at {@code outDir}, or it cannot be read.
   *
   * @param outDir the local store whose embedded ledger to read; null for the configured one
   */
  public int run(
      Question question, AnalyticsWindow window, Path outDir, PrintStream out, PrintStream err) {
    LedgerSettings settings = ledgers.settings(outDir);
    Path file = settings.embeddedFile();
    // Opening creates an empty database: a mistyped --out would then answer zeros.
    if (file != null && !Files.isRegularFile(Path.of(file + ".mv.db"))) {
      err.println(
          "audiostems: there is no ledger at "
              + file
              + ".mv.db: nothing has been recorded in that store (check --out, or"
              + " audiostems.ledger.jdbc-url).");
      return FAILED;
    }
    try (Ledger ledger = Ledgers.open(settings)) {
      out.println(json(question.answer(ledger.analytics(), window)));
      return OK;
    } catch (LedgerException e) {
      err.println("audiostems: " + e.getMessage());
      return FAILED;
    }
  }

  static String json(Object figures) {
    try {
      return JSON.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the figures as JSON: " + e.getMessage(), e);
    }
  }

  /** Reads an option with {@code parse}; its IllegalArgumentException's message is the error. */
  public static <T> T read(
      String text, Function<String, T> parse, Function<String, RuntimeException> usage) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw usage.apply(e.getMessage());
    }
  }
}
