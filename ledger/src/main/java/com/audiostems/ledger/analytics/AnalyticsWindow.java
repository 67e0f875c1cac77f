package com.audiostems.ledger.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code [from, to)} of an analytics question, read the same way by the gateway's query
 * parameters and the command's options: ISO-8601 instants ({@code 2026-12-01T00:00:00Z}) or dates
 * ({@code 2026-12-01}, midnight UTC); {@code to} defaults to now and {@code from} to {@link
 * #DEFAULT_LENGTH} before {@code to}.
 */
public record AnalyticsWindow(Instant from, Instant to) {
  public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

  public AnalyticsWindow {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "from (" + from + ") must be before to (" + to + "): the window is [from, to).");
    }
  }

  /** Nulls or blanks take the defaults; anything unreadable is an IllegalArgumentException. */
  public static AnalyticsWindow of(String from, String to, Instant now) {
    Instant end = blank(to) ? now : instant("to", to);
    Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : instant("from", from);
    return new AnalyticsWindow(start, end);
  }

  private static Instant instant(String name, String text) {
    try {
      if (text.length() == 10) {
        return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " must be an ISO-8601 instant (2026-12-01T00:00:00Z) or date (2026-12-01), not '"
              + text
              + "'");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
