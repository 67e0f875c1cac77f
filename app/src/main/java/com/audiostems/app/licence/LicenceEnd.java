package com.audiostems.app.licence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a licence's term as a person writes it on the command line: a length from now ({@code
 * 30d}, {@code 12h}, {@code 90m}, ISO {@code P1Y2M}… as {@code P400D}), a date (the licence covers
 * that whole day, UTC) or an instant ({@code 2027-06-30T12:00:00Z}).
 */
public record LicenceEnd(Duration fromNow, Instant at) {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,6})([dhm])");

  /**
   * @throws IllegalArgumentException with a sentence naming the accepted forms
   */
  public static LicenceEnd parse(String text) {
    String value = text == null ? "" : text.trim();
    Matcher shortForm = SHORT.matcher(value.toLowerCase(Locale.ROOT));
    try {
      if (shortForm.matches()) {
        long n = Long.parseLong(shortForm.group(1));
        Duration length =
            switch (shortForm.group(2)) {
              case "d" -> Duration.ofDays(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofMinutes(n);
            };
        return positive(new LicenceEnd(length, null), text);
      }
      if (value.startsWith("P") || value.startsWith("p")) {
        return positive(new LicenceEnd(Duration.parse(value.toUpperCase(Locale.ROOT)), null), text);
      }
      if (value.length() == 10) {
        return new LicenceEnd(
            null, LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return new LicenceEnd(null, Instant.parse(value));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw invalid(text);
    }
  }

  /** The instant the term ends, for a grant or extension made at {@code now}. */
  public Instant after(Instant now) {
    return at != null ? at : now.plus(fromNow);
  }

  private static LicenceEnd positive(LicenceEnd end, String text) {
    if (end.fromNow().isNegative() || end.fromNow().isZero()) {
      throw invalid(text);
    }
    return end;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'"
            + text
            + "' is not a licence end: give a length from now (30d, 12h, 90m, P365D), a date"
            + " (2027-06-30: the licence covers that day, UTC) or an instant (2027-06-30T12:00:00Z)");
  }
}
