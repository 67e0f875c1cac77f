package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.gateway.config.ApiKeyProperties;
import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.config.RequestLimitProperties;
import com.audiostems.gateway.config.StorageProperties;
import com.audiostems.gateway.config.TemporalProperties;
import com.audiostems.gateway.config.TrackProperties;
import com.audiostems.gateway.config.UploadProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad settings stop the start-up, and the report names the key to fix. Only the settings records
 * are started (no web server, no Temporal): they are what binds and validates.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewaySettingsTest {
  private static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry("audiostems.gateway.temporal.target", "localhost:7233"),
          Map.entry("audiostems.gateway.temporal.namespace", "default"),
          Map.entry("audiostems.gateway.temporal.rpc-timeout", "10s"),
          Map.entry("audiostems.gateway.temporal.worker-timeout", "5s"),
          Map.entry("audiostems.gateway.storage.kind", "local"),
          Map.entry("audiostems.gateway.storage.root", "./store"),
          Map.entry("audiostems.gateway.uploads.max-size", "4GB"),
          Map.entry("audiostems.gateway.uploads.temp-dir", "./spool"),
          Map.entry(
              "audiostems.gateway.links.signing-secret", "a-signing-secret-of-32-characters!"),
          Map.entry("audiostems.gateway.links.upload-validity", "1h"),
          Map.entry("audiostems.gateway.links.download-validity", "15m"));
  private static final Map<String, String> ONE_KEY =
      Map.of(
          "audiostems.gateway.limits.max-json-body", "64KB",
          "audiostems.gateway.tracks.encode-lanes", "4",
          "audiostems.gateway.security.api-keys[0].name", "studio",
          "audiostems.gateway.security.api-keys[0].key-sha256", "a".repeat(64),
          "audiostems.gateway.security.api-keys[0].role", "uploader");

  @EnableConfigurationProperties({
    TemporalProperties.class,
    StorageProperties.class,
    UploadProperties.class,
    LinkProperties.class,
    ApiKeyProperties.class,
    TrackProperties.class,
    RequestLimitProperties.class
  })
  @ImportAutoConfiguration(ValidationAutoConfiguration.class)
  static class Settings {}

  @Test
  void validSettingsStart() {
    start(Map.of()).close();
  }

  @Test
  void aShortSigningSecretIsNamed(CapturedOutput output) {
    assertFailsNaming(
        output,
        Map.of("audiostems.gateway.links.signing-secret", "short"),
        "audiostems.gateway.links.signing-secret",
        "at least 32 characters");
  }

  @Test
  void aTargetWithoutPortIsNamed(CapturedOutput output) {
    assertFailsNaming(
        output,
        Map.of("audiostems.gateway.temporal.target", "temporal"),
        "audiostems.gateway.temporal.target",
        "host:port");
  }

  @Test
  void aKeyThatIsNotAHashIsNamed(CapturedOutput output) {
    assertFailsNaming(
        output,
        Map.of("audiostems.gateway.security.api-keys[0].key-sha256", "secret"),
        "audiostems.gateway.security.apiKeys[0].keySha256",
        "64 lowercase hex digits");
  }

  @Test
  void twoKeysWithOneNameAreNamed(CapturedOutput output) {
    assertFailsNaming(
        output,
        Map.of(
            "audiostems.gateway.security.api-keys[1].name", "studio",
            "audiostems.gateway.security.api-keys[1].key-sha256", "b".repeat(64),
            "audiostems.gateway.security.api-keys[1].role", "admin"),
        "audiostems.gateway.security.api-keys",
        "'studio' is used twice");
  }

  @Test
  void noKeyAtAllStopsTheGateway(CapturedOutput output) {
    SpringApplication app = application();
    assertThatThrownBy(
            () ->
                app.run(
                    args(
                        VALID,
                        Map.of(
                            "audiostems.gateway.limits.max-json-body",
                            "64KB",
                            "audiostems.gateway.tracks.encode-lanes",
                            "4"))))
        .isInstanceOf(RuntimeException.class);
    assertThat(output)
        .contains("audiostems.gateway.security.apiKeys")
        .contains("at least one API key");
  }

  private static void assertFailsNaming(
      CapturedOutput output, Map<String, String> overrides, String key, String reason) {
    assertThatThrownBy(() -> start(overrides).close()).isInstanceOf(RuntimeException.class);
    assertThat(output).contains("APPLICATION FAILED TO START").contains(key).contains(reason);
  }

  private static org.springframework.context.ConfigurableApplicationContext start(
      Map<String, String> overrides) {
    Map<String, String> settings = new LinkedHashMap<>(ONE_KEY);
    settings.putAll(overrides);
    return application().run(args(VALID, settings));
  }

  private static SpringApplication application() {
    SpringApplication app = new SpringApplication(Settings.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app;
  }

  private static String[] args(Map<String, String> base, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(base);
    all.putAll(more);
    return all.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
