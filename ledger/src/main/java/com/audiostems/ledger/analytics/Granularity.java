package com.audiostems.ledger.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods the processing figures are split into, in UTC; a week starts on Monday (ISO). */
public enum Granularity {
  DAY,
  WEEK,
  MONTH;

  /** The start of the period that holds {@code at}. */
  public Instant periodStart(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LocalDate start =
        switch (this) {
          case DAY -> day;
          case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> day.withDayOfMonth(1);
        };
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** {@code day}, {@code week} or {@code month}, as the API and the command line spell them. */
  public static Granularity parse(String name) {
    for (Granularity g : values()) {
      if (g.name().equalsIgnoreCase(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "granularity must be day, week or month, not '" + name + "'");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
