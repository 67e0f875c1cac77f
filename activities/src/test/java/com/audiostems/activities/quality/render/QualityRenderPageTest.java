package com.audiostems.activities.quality.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QualityRenderPageTest {

  private static final String EVIL = "<script>alert('x')</script>\"&<img src=x onerror=alert(1)>";

  static final List<Finding> FINDINGS =
      List.of(
          new Finding(
              "clipping",
              Severity.ERROR,
              0.0,
              -0.1,
              "dBFS",
              83.2,
              84.9,
              "Samples reach full scale for 1.7 s: re-export with a limiter."),
          new Finding(
              "lossy-transcode",
              Severity.WARNING,
              16_000,
              19_000,
              "Hz",
              0,
              240,
              "Nothing above 16 kHz: this looks like an MP3; send the original."),
          new Finding(
              "dc-offset", Severity.INFO, 0.002, 0.01, "", 0, 240, "A small DC offset; harmless."),
          new Finding(
              "dropout",
              Severity.WARNING,
              0.03,
              0.01,
              "s",
              12.5,
              12.53,
              "A 30 ms gap <at> 0:12.5 & nothing else."),
          new Finding(
              "true-peak",
              Severity.ERROR,
              0.7,
              -1.0,
              "dBTP",
              100,
              100,
              "True peak above -1 dBTP."));

  private static QualityPage.Content content(String title, List<Finding> findings) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("Sample rate", "44.1 kHz");
    properties.put("Bit depth", "16 bits (effective 16)");
    properties.put("Channels", "2 (true stereo)");
    properties.put("Encoder <tag>", EVIL);
    Map<String, String> tiers = new LinkedHashMap<>();
    tiers.put("library", "pass");
    tiers.put("broadcast", "fail: clipping, true-peak");
    return new QualityPage.Content(
        title,
        "My Song (final).wav",
        240,
        72.5,
        properties,
        tiers,
        findings,
        "waveform.png",
        "spectrogram.png");
  }

  @Test
  void aScriptTitleAndEveryOtherUserTextIsEscaped() {
    Finding evil = new Finding(EVIL, Severity.WARNING, 1, 2, EVIL, 1, 2, EVIL);
    String html =
        QualityPage.html(
            new QualityPage.Content(
                EVIL,
                EVIL,
                240,
                50.0,
                Map.of(EVIL, EVIL),
                Map.of(EVIL, EVIL),
                List.of(evil),
                "waveform.png",
                null));
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("<img src=x")
        .doesNotContain("onerror=alert(1)>");
    assertThat(html)
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&lt;img src=x onerror=alert(1)&gt;");
    // The title, its <title>, the image's alt text, the file, the maps and the finding's fields.
    assertThat(count(html, "&lt;script&gt;")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyFindingIsATableRowWithItsValues() {
    String html = QualityPage.html(content("My Song", FINDINGS));
    Matcher rows = Pattern.compile("<tr class=\"(error|warning|info)\">").matcher(html);
    int n = 0;
    while (rows.find()) {
      n++;
    }
    assertThat(n).isEqualTo(FINDINGS.size());
    for (Finding f : FINDINGS) {
      assertThat(html).contains("<code>" + f.code() + "</code>");
      assertThat(html).contains(QualityPage.escape(f.message()));
    }
    assertThat(html).contains("16.0 kHz").contains("19.0 kHz"); // measured / threshold with units
    assertThat(html).contains("<td>0 dBFS</td><td>-0.100 dBFS</td>");
    assertThat(html).contains("1:23.2 – 1:24.9"); // a time range
    assertThat(html).contains("at 1:40.0"); // a moment
    assertThat(html).contains("whole file");
    assertThat(html).contains("A 30 ms gap &lt;at&gt; 0:12.5 &amp; nothing else.");
    // Sorted by severity, then time: both errors before the warnings, the info last.
    assertThat(html.indexOf("<code>clipping")).isLessThan(html.indexOf("<code>true-peak"));
    assertThat(html.indexOf("<code>true-peak")).isLessThan(html.indexOf("<code>lossy-transcode"));
    assertThat(html.indexOf("<code>dropout")).isLessThan(html.indexOf("<code>dc-offset"));
    assertThat(html).contains("2 errors").contains("2 warnings").contains("1 info");
  }

  @Test
  void showsTitleFileScorePropertiesAndTiers() {
    String html = QualityPage.html(content("My Song", FINDINGS));
    assertThat(html).contains("<h1>My Song</h1>").contains("My Song (final).wav");
    assertThat(html).contains(">72.5<");
    assertThat(html).contains("<th>Sample rate</th><td>44.1 kHz</td>");
    assertThat(html).contains("<th>library</th><td class=\"pass\">pass</td>");
    assertThat(html).contains("<td class=\"fail\">fail: clipping, true-peak</td>");
    String unscored =
        QualityPage.html(
            new QualityPage.Content(null, "a.wav", 1, null, null, null, null, null, null));
    assertThat(unscored)
        .contains("<h1>a.wav</h1>")
        .contains("not scored")
        .contains("No findings.")
        .doesNotContain("<img");
  }

  @Test
  void isSelfContained() {
    String html = QualityPage.html(content("My Song", FINDINGS));
    assertThat(html).startsWith("<!DOCTYPE html>");
    String lower = html.toLowerCase();
    assertThat(lower)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(html).contains("<img src=\"waveform.png\"").contains("<img src=\"spectrogram.png\"");
    assertThat(html).contains("<style>").contains("script-src 'none'");
  }

  @Test
  void imagesMustBeRelativeFileNames() {
    for (String bad :
        new String[] {
          "https://evil.example/x.png",
          "/etc/passwd",
          "../x.png",
          "javascript:alert(1)",
          "//cdn/x.png",
          "",
          "a\nb.png"
        }) {
      assertThatThrownBy(
              () -> new QualityPage.Content("t", "f", 1, 1.0, null, null, null, bad, null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(
            QualityPage.html(
                new QualityPage.Content(
                    "t", "f", 1, 1.0, null, null, null, "reports/abc_waveform.png", null)))
        .contains("src=\"reports/abc_waveform.png\"");
  }

  @Test
  void formatsValues() {
    assertThat(QualityPage.value(16_000, "Hz")).isEqualTo("16.0 kHz");
    assertThat(QualityPage.value(440, "Hz")).isEqualTo("440 Hz");
    assertThat(QualityPage.value(-0.35, "dBFS")).isEqualTo("-0.350 dBFS");
    assertThat(QualityPage.value(12.5, "%")).isEqualTo("12.50%");
    assertThat(QualityPage.value(0.25, "")).isEqualTo("0.250");
    assertThat(QualityPage.value(Double.NaN, "Hz")).isEqualTo("—");
    assertThat(QualityPage.clock(83.25)).isEqualTo("1:23.3");
    assertThat(QualityPage.clock(3725)).isEqualTo("62:05.0");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void anInlinePngIsTheOneImageReferenceWithAColon() {
    String png = QualityPage.inlinePng(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    QualityPage.requireRelative(png);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QualityPage.requireRelative("data:text/html;base64,PHNjcmlwdD4="))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QualityPage.requireRelative(png + "\"><script>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
