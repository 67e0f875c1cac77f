package com.audiostems.activities.quality.render;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human quality report: one self-contained HTML page (inline CSS, no scripts, no external
 * resources) with the track's title and file name, its effective properties, the tier results, the
 * score, the waveform and spectrogram images (referenced by relative file names, e.g. {@code
 * waveform.png}, so the page and its images are served or stored side by side) and a table of every
 * finding. Every text that goes into the page is HTML-escaped: titles and file names come from
 * users. A Content-Security-Policy forbids scripts as a second line of defence.
 */
public final class QualityPage {

  /**
   * What the page shows.
   *
   * @param title the track's title (user text; may be null)
   * @param fileName the source's file name (user text; may be null)
   * @param durationSeconds the track's length, to tell whole-file findings from time ranges
   * @param score the quality score, or null when the track was not scored
   * @param properties effective properties in display order, e.g. "Sample rate" → "44.1 kHz"
   * @param tiers tier results in display order, e.g. "broadcast" → "pass"; a value starting with
   *     "pass" or "fail" is coloured
   * @param findings the findings, in any order (the page lists them by severity, then time)
   * @param waveformImage the waveform PNG's relative file name, or null for none
   * @param spectrogramImage the spectrogram PNG's relative file name, or null for none
   */
  public record Content(
      String title,
      String fileName,
      double durationSeconds,
      Double score,
      Map<String, String> properties,
      Map<String, String> tiers,
      List<Finding> findings,
      String waveformImage,
      String spectrogramImage) {

    public Content {
      properties = properties == null ? Map.of() : properties;
      tiers = tiers == null ? Map.of() : tiers;
      findings = findings == null ? List.of() : findings;
      requireRelative(waveformImage);
      requireRelative(spectrogramImage);
    }
  }

  private QualityPage() {}

  /** Writes {@link #html(Content)} to {@code file} in UTF-8. */
  public static void write(Content content, Path file) throws IOException {
    Files.writeString(file, html(content), StandardCharsets.UTF_8);
  }

  /** The page. */
  public static String html(Content c) {
    StringBuilder h = new StringBuilder(8192);
    String heading =
        c.title() != null && !c.title().isBlank()
            ? c.title()
            : c.fileName() != null ? c.fileName() : "Untitled track";
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Quality report: ")
        .append(escape(heading))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");

    h.append("<header>\n<h1>").append(escape(heading)).append("</h1>\n");
    if (c.fileName() != null && !c.fileName().isBlank()) {
      h.append("<p class=\"file\">").append(escape(c.fileName())).append("</p>\n");
    }
    h.append("</header>\n");

    // Score, findings count and tiers at a glance.
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : c.findings()) {
      if (f != null && f.severity() != null) {
        counts.merge(f.severity(), 1, Integer::sum);
      }
    }
    h.append(
            "<section class=\"summary\">\n<div class=\"score\"><span class=\"label\">Score</span><span class=\"value\">")
        .append(c.score() == null || c.score().isNaN() ? "not scored" : escape(score(c.score())))
        .append("</span></div>\n<div class=\"counts\">")
        .append(count(counts, Severity.ERROR, "error"))
        .append(count(counts, Severity.WARNING, "warning"))
        .append(count(counts, Severity.INFO, "info"))
        .append("</div>\n</section>\n");

    if (!c.tiers().isEmpty()) {
      h.append("<section>\n<h2>Tiers</h2>\n<table class=\"kv\">\n");
      for (Map.Entry<String, String> e : c.tiers().entrySet()) {
        String v = e.getValue() == null ? "" : e.getValue();
        String lower = v.trim().toLowerCase(Locale.ROOT);
        String cls =
            lower.startsWith("pass")
                ? " class=\"pass\""
                : lower.startsWith("fail") ? " class=\"fail\"" : "";
        h.append("<tr><th>")
            .append(escape(e.getKey()))
            .append("</th><td")
            .append(cls)
            .append(">")
            .append(escape(v))
            .append("</td></tr>\n");
      }
      h.append("</table>\n</section>\n");
    }

    if (!c.properties().isEmpty()) {
      h.append("<section>\n<h2>Properties</h2>\n<table class=\"kv\">\n");
      for (Map.Entry<String, String> e : c.properties().entrySet()) {
        h.append("<tr><th>")
            .append(escape(e.getKey()))
            .append("</th><td>")
            .append(escape(e.getValue()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n</section>\n");
    }

    if (c.waveformImage() != null || c.spectrogramImage() != null) {
      h.append("<section>\n<h2>Waveform and spectrogram</h2>\n")
          .append(
              "<p class=\"note\">Findings with a time range are marked on the images in their severity's colour; ")
          .append(
              "frequencies (such as a cut-off) are dashed lines on the spectrogram; whole-file findings are listed below only.</p>\n");
      if (c.waveformImage() != null) {
        h.append("<figure><img src=\"")
            .append(escape(c.waveformImage()))
            .append("\" alt=\"Waveform of ")
            .append(escape(heading))
            .append(
                "\"><figcaption>Waveform (dBFS lines at 0, -6, -20; clipped samples in red)</figcaption></figure>\n");
      }
      if (c.spectrogramImage() != null) {
        h.append("<figure><img src=\"")
            .append(escape(c.spectrogramImage()))
            .append("\" alt=\"Spectrogram of ")
            .append(escape(heading))
            .append(
                "\"><figcaption>Spectrogram up to the source's Nyquist frequency (dB, log frequency)</figcaption></figure>\n");
      }
      h.append("</section>\n");
    }

    h.append("<section>\n<h2>Findings</h2>\n");
    List<Finding> sorted = new ArrayList<>();
    for (Finding f : c.findings()) {
      if (f != null) {
        sorted.add(f);
      }
    }
    sorted.sort(
        Comparator.comparing((Finding f) -> f.severity() == null ? -1 : f.severity().ordinal())
            .reversed()
            .thenComparingDouble(Finding::startSeconds)
            .thenComparing(f -> f.code() == null ? "" : f.code()));
    if (sorted.isEmpty()) {
      h.append("<p class=\"none\">No findings.</p>\n");
    } else {
      h.append(
          "<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Code</th><th>Measured</th><th>Threshold</th><th>Time</th><th>Message</th></tr></thead>\n<tbody>\n");
      for (Finding f : sorted) {
        String sev = f.severity() == null ? "" : f.severity().name();
        h.append("<tr class=\"")
            .append(sev.toLowerCase(Locale.ROOT))
            .append("\"><td><span class=\"badge\">")
            .append(escape(sev))
            .append("</span></td><td><code>")
            .append(escape(f.code()))
            .append("</code></td><td>")
            .append(escape(value(f.measured(), f.unit())))
            .append("</td><td>")
            .append(escape(value(f.threshold(), f.unit())))
            .append("</td><td>")
            .append(escape(timeRange(f, c.durationSeconds())))
            .append("</td><td>")
            .append(escape(f.message()))
            .append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</section>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * {@code s} with {@code & < > " '} replaced by entities (null gives ""), safe in text and in
   * quoted attributes.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** "16.0 kHz", "-0.10 dBFS", "12 samples", "0.35" (ratio), "—" for NaN. */
  static String value(double v, String unit) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    String u = unit == null ? "" : unit.trim();
    if (u.equalsIgnoreCase("Hz") && Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%.1f kHz", v / 1000);
    }
    String n = number(v);
    if (u.isEmpty()) {
      return n;
    }
    return u.equals("%") ? n + "%" : n + " " + u;
  }

  /** Integers as such; otherwise 1 to 3 decimals depending on magnitude. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    double a = Math.abs(v);
    String fmt = a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, fmt, v);
  }

  /** "72", "72.5". */
  static String score(double v) {
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  /** "whole file", "at 1:23.4", "1:23.4 – 1:30.0". */
  static String timeRange(Finding f, double durationSeconds) {
    if (!FindingMarks.hasTimes(f)) {
      return "—";
    }
    if (durationSeconds > 0 && FindingMarks.wholeFile(f, durationSeconds)) {
      return "whole file";
    }
    if (f.endSeconds() - f.startSeconds() < 0.05) {
      return "at " + clock(f.startSeconds());
    }
    return clock(f.startSeconds()) + " – " + clock(f.endSeconds());
  }

  /** "1:23.4". */
  static String clock(double seconds) {
    long tenths = Math.round(seconds * 10);
    long minutes = tenths / 600;
    double rest = (tenths % 600) / 10.0;
    return String.format(Locale.ROOT, "%d:%04.1f", minutes, rest);
  }

  private static String count(Map<Severity, Integer> counts, Severity s, String word) {
    int n = counts.getOrDefault(s, 0);
    String cls = s.name().toLowerCase(Locale.ROOT);
    return "<span class=\"count "
        + cls
        + (n == 0 ? " zero" : "")
        + "\">"
        + n
        + " "
        + word
        + (n == 1 || s == Severity.INFO ? "" : "s")
        + "</span>";
  }

  /** An image inlined into the page, so that it travels with it behind any signed link. */
  private static final java.util.regex.Pattern INLINE_PNG =
      java.util.regex.Pattern.compile("data:image/png;base64,[A-Za-z0-9+/]+={0,2}");

  /** The image as a reference the page can carry: {@code data:image/png;base64,...}. */
  public static String inlinePng(byte[] png) {
    return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
  }

  /**
   * Rejects image references that would leave the page's folder or load from elsewhere; an inline
   * PNG ({@link #inlinePng}) is the one exception.
   */
  static void requireRelative(String ref) {
    if (ref == null || INLINE_PNG.matcher(ref).matches()) {
      return;
    }
    String r = ref.trim();
    boolean bad =
        r.isEmpty()
            || r.startsWith("/")
            || r.startsWith("\\")
            || r.contains(":")
            || r.contains("..")
            || r.chars().anyMatch(ch -> ch < 0x20);
    if (bad) {
      throw new IllegalArgumentException(
          "image must be a relative file name next to the page, got " + ref);
    }
  }

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
             color: #222; background: #fff; margin: 0 auto; padding: 24px; max-width: 1660px; }
      h1 { font-size: 22px; margin: 0 0 4px; word-break: break-word; }
      h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid #e3e5e8; padding-bottom: 4px; }
      .file { color: #666; margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
      .summary { display: flex; gap: 32px; align-items: center; margin-top: 16px; }
      .score .label { display: block; color: #666; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
      .score .value { font-size: 32px; font-weight: 600; }
      .count { display: inline-block; margin-right: 10px; padding: 2px 10px; border-radius: 10px; font-weight: 600; }
      .count.error { background: #fbe3e5; color: #a3121f; }
      .count.warning { background: #fdf0d5; color: #8a5a00; }
      .count.info { background: #e3eefb; color: #24578f; }
      .count.zero { opacity: .45; }
      table { border-collapse: collapse; }
      .kv th { text-align: left; font-weight: 500; color: #555; padding: 3px 24px 3px 0; vertical-align: top; }
      .kv td { padding: 3px 0; }
      td.pass { color: #1d7a35; font-weight: 600; }
      td.fail { color: #b3121f; font-weight: 600; }
      figure { margin: 12px 0 20px; }
      figure img { max-width: 100%; height: auto; border: 1px solid #e3e5e8; display: block; }
      figcaption { color: #666; font-size: 12px; margin-top: 4px; }
      .note { color: #555; font-size: 13px; }
      .findings { width: 100%; }
      .findings th { text-align: left; background: #f3f4f6; padding: 6px 10px; font-weight: 600; }
      .findings td { padding: 6px 10px; border-top: 1px solid #e8e9ec; vertical-align: top; }
      .findings td:nth-child(3), .findings td:nth-child(4), .findings td:nth-child(5) { white-space: nowrap; }
      .badge { display: inline-block; padding: 1px 8px; border-radius: 8px; font-size: 12px; font-weight: 700; }
      tr.error .badge { background: #d31f2f; color: #fff; }
      tr.warning .badge { background: #f09a00; color: #222; }
      tr.info .badge { background: #3d7ec9; color: #fff; }
      code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
      .none { color: #1d7a35; }
      """;
}
