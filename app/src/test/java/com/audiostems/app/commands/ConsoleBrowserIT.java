package com.audiostems.app.commands;

import static com.audiostems.app.commands.GatewayClient.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.app.temporal.TemporalCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console end to end, in headless Chromium (Debian's chromium and chromium-driver)
 * against {@code audiostems serve} on its embedded defaults: sign in with the printed key, upload a
 * file (the progress bar reaches 100 %), follow the track to PUBLISHED, play its preview (the audio
 * element's clock advances) over the waveform drawn from its peaks, read its quality, find it by
 * search, grant a licence, and draw the analytics page. With {@code
 * -Daudiostems.console.screenshots=DIR} (e.g. {@code ../docs}) each page's screenshot is saved
 * there as {@code console-<page>.png}; always under target/console-screenshots.
 */
class ConsoleBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path temp;

  @Test
  @SuppressWarnings("unchecked") // a script's array comes back as a List
  void anOperatorUploadsFollowsPlaysAndLicensesATrackInTheBrowser() throws Exception {
    // Missing browser: a failure that says what to install, never a skipped test.
    assertThat(CHROMIUM)
        .as(
            "ConsoleBrowserIT drives Debian's Chromium: apt-get install -y chromium chromium-driver")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as(
            "ConsoleBrowserIT drives Debian's Chromium: apt-get install -y chromium chromium-driver")
        .isExecutable();
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "ConsoleBrowserIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    int gatewayPort = Served.freePort();
    List<String> serve =
        Served.command(
            temp.resolve("work"),
            "serve",
            "--data-dir",
            temp.resolve("data").toString(),
            "--audiostems.temporal.cli-path=" + cli,
            "--audiostems.temporal.port=" + Served.freePort(),
            "--audiostems.temporal.ui-port=0",
            "--audiostems.serve.gateway-port=" + gatewayPort,
            "--audiostems.storage.root=" + temp.resolve("store"));
    Path master = CatalogueCommandTest.music(temp, "Nocturne.wav", 7, 12);
    String console = "http://127.0.0.1:" + gatewayPort + "/console/";

    try (Served served = Served.start(serve)) {
      String apiKey = printed(served.output(), "API key:\\s+(\\S+)");
      WebDriver browser = chromium();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // Sign in: a wrong key is refused in words, the printed one opens the console.
        browser.get(console);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        screenshot(browser, "signin");
        browser.findElement(By.id("api-key")).sendKeys("not-a-key");
        browser.findElement(By.id("signin")).click();
        wait.until(
            ExpectedConditions.textToBe(By.id("error"), "That key is not known to this gateway."));
        browser.findElement(By.id("api-key")).clear();
        browser.findElement(By.id("api-key")).sendKeys(apiKey);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-file")));

        // Upload with its progress bar, then the track's page follows its stages.
        browser.findElement(By.id("upload-file")).sendKeys(master.toString());
        browser.findElement(By.id("upload-title")).sendKeys("Nocturne");
        browser.findElement(By.id("upload-artist")).sendKeys("Ada Lovelace");
        browser.findElement(By.id("upload-start")).click();
        wait.until(ExpectedConditions.urlContains("#track/"));
        assertThat(browser.findElement(By.id("upload-progress")).getDomProperty("value"))
            .as("the progress bar saw the whole file go")
            .isEqualTo("100");
        String trackId = browser.getCurrentUrl().replaceAll(".*#track/", "");
        new WebDriverWait(browser, PUBLISH_TIMEOUT)
            .until(ExpectedConditions.textToBe(By.id("track-stage"), "PUBLISHED"));

        // The published track: its waveform from the peaks file, its quality, its preview playing.
        wait.until(
            ExpectedConditions.attributeToBeNotEmpty(find(browser, "waveform"), "data-pixels"));
        assertThat(browser.findElement(By.id("waveform-info")).getText())
            .startsWith("audiowaveform .dat v2, 16-bit, 256 samples a pixel at 44100 Hz");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("quality-score"), "")));
        assertThat(Integer.parseInt(browser.findElement(By.id("quality-score")).getText()))
            .isBetween(0, 100);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById('preview').play()");
        wait.until(
            b ->
                ((Number)
                            js.executeScript(
                                "const a = document.getElementById('preview');"
                                    + " return a.readyState >= 3 ? a.currentTime : 0;"))
                        .doubleValue()
                    > 1.0);
        assertThat((Boolean) js.executeScript("return document.getElementById('preview').paused"))
            .isFalse();
        screenshot(browser, "track");

        // Search: the track, published, in the list.
        browser.findElement(By.id("nav-search")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-stage")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-stage")))
            .selectByVisibleText("PUBLISHED");
        browser.findElement(By.id("search-run")).click();
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#search-results a[href='#track/" + trackId + "']")));
        // By the key and a tempo range around the tempo its analysis found; a range above it
        // finds nothing.
        By found = By.cssSelector("#search-results a[href='#track/" + trackId + "']");
        // Read in one script: the table may be redrawn between two WebDriver calls.
        List<Object> keyAndBpm =
            (List<Object>)
                js.executeScript(
                    "const cells = document.querySelector(\"#search-results a[href='#track/"
                        + trackId
                        + "']\").closest('tr').cells;"
                        + " return [cells[6].textContent, cells[7].textContent];");
        String key = (String) keyAndBpm.get(0);
        double bpm = Double.parseDouble((String) keyAndBpm.get(1));
        browser.findElement(By.id("search-key")).sendKeys(key);
        browser.findElement(By.id("search-bpm-min")).sendKeys(String.valueOf(bpm - 1));
        browser.findElement(By.id("search-bpm-max")).sendKeys(String.valueOf(bpm + 1));
        browser.findElement(By.id("search-run")).click();
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("search-summary"), "1 of"));
        assertThat(browser.findElements(found)).hasSize(1);
        screenshot(browser, "search");
        browser.findElement(By.id("search-bpm-min")).clear();
        browser.findElement(By.id("search-bpm-min")).sendKeys(String.valueOf(bpm + 5));
        browser.findElement(By.id("search-bpm-max")).clear();
        browser.findElement(By.id("search-bpm-max")).sendKeys(String.valueOf(bpm + 20));
        browser.findElement(By.id("search-run")).click();
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("search-summary"), "0 of"));
        assertThat(browser.findElements(found)).isEmpty();

        // Licence: granted from the track's link, active, listed with its actions.
        browser.get(console + "index.html#licences/" + trackId);
        wait.until(ExpectedConditions.attributeToBe(By.id("grant-track"), "value", trackId));
        browser.findElement(By.id("grant-licensee")).sendKeys("Acme Films");
        browser.findElement(By.id("grant")).click();
        wait.until(
            ExpectedConditions.attributeToBe(By.id("grant-result"), "data-status", "ACTIVE"));
        String licenceId =
            browser.findElement(By.id("grant-result")).getDomAttribute("data-licence-id");
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#licence-table tr[data-licence-id='" + licenceId + "']")));
        screenshot(browser, "licences");

        // Extended by 30 days, then revoked with a reason: the list shows each change. The list
        // is redrawn while the console waits for the ledger, so cells are read by script (one
        // step) and clicks retried on a redrawn row.
        By row = By.cssSelector("#licence-table tr[data-licence-id='" + licenceId + "']");
        String endsBefore = licenceCell(js, licenceId, 4);
        wait.until(b -> click(b, row, "Extend 30 days"));
        wait.until(b -> !endsBefore.equals(licenceCell(js, licenceId, 4)));
        assertThat(
                Duration.between(
                    java.time.Instant.parse(endsBefore),
                    java.time.Instant.parse(licenceCell(js, licenceId, 4))))
            .as("the console sends the new end in milliseconds")
            .isBetween(Duration.ofDays(30).minusMillis(1), Duration.ofDays(30));
        wait.until(b -> click(b, row, "Revoke"));
        wait.until(ExpectedConditions.alertIsPresent()).sendKeys("payment reversed");
        browser.switchTo().alert().accept();
        wait.until(b -> "REVOKED".equals(licenceCell(js, licenceId, 3)));

        // Analytics: the page draws whatever the analytics endpoints answer, or says they are
        // absent.
        browser.findElement(By.id("nav-analytics")).click();
        wait.until(
            b ->
                !b.findElements(By.cssSelector("#analytics-charts h3")).isEmpty()
                    && b.findElements(By.cssSelector("#analytics-charts h3")).size() == 3
                    && b.findElements(
                                By.cssSelector("#analytics-charts .chart, #analytics-charts p"))
                            .size()
                        >= 3);
        // The window the form shows (its "to" day included) holds the track published above: the
        // processing totals' bar "published" reads at least 1, from the ledger through the API.
        wait.until(
            b -> {
              Object published =
                  js.executeScript(
                      "const chart = [...document.querySelectorAll('#analytics-charts .chart')]"
                          + ".find(c => c.querySelector('h4').textContent === 'processing · totals');"
                          + " if (!chart) return null;"
                          + " const texts = [...chart.querySelectorAll('svg text')].map(t => t.textContent);"
                          + " const at = texts.indexOf('published');"
                          + " return at > 0 ? texts[at - 1] : null;");
              return published != null && Integer.parseInt((String) published) >= 1;
            });
        screenshot(browser, "analytics");
        // The charts over an answer of the documented shape (volume per period, failure
        // rate by reason): a chart per numeric field of a list, one for an object of numbers.
        Object svgsAndBars =
            js.executeScript(
                "const box = document.createElement('div');"
                    + " Charts.render(box, 'processing', {volume: [{period: '2026-12-01', started: 3,"
                    + " published: 2, failed: 1}], failureRateByReason: {CorruptAudio: 0.5,"
                    + " Timeout: 0.25}});"
                    + " return [box.querySelectorAll('svg').length,"
                    + " box.querySelectorAll('svg rect').length];");
        assertThat((List<Object>) svgsAndBars).containsExactly(4L, 5L);

        browser.get(console + "index.html#upload");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-file")));
        screenshot(browser, "upload");
      } catch (RuntimeException | AssertionError e) {
        screenshot(browser, "failure"); // only under target/, beside the report
        throw e;
      } finally {
        browser.quit();
      }
    }
  }

  /** A cell of the licence's row, read in one step; null while the row is not shown. */
  private static String licenceCell(JavascriptExecutor js, String licenceId, int index) {
    return (String)
        js.executeScript(
            "const row = document.querySelector(\"#licence-table tr[data-licence-id='\" + arguments[0]"
                + " + \"']\"); return row ? row.cells[arguments[1]].textContent : null;",
            licenceId,
            index);
  }

  /** Clicks the row's button; false (to be retried) when the row was redrawn meanwhile. */
  private static boolean click(WebDriver browser, By row, String button) {
    try {
      browser.findElement(row).findElement(By.xpath(".//button[text()='" + button + "']")).click();
      return true;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return false;
    }
  }

  private static WebElement find(WebDriver browser, String id) {
    return browser.findElement(By.id(id));
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root
        "--disable-dev-shm-usage",
        "--window-size=1280,1200",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver browser, String page) throws Exception {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "console-screenshots");
    Files.createDirectories(target);
    Files.copy(
        shot, target.resolve("console-" + page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("audiostems.console.screenshots");
    if (docs != null && !docs.isBlank() && !page.equals("failure")) {
      Files.createDirectories(Path.of(docs));
      Files.copy(
          shot,
          Path.of(docs).resolve("console-" + page + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
