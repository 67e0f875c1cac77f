package com.audiostems.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.gateway.config.ApiKeyProperties;
import com.audiostems.gateway.security.Role;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** How serve configures its gateway, and that the gateway stays out of the other commands. */
class EmbeddedGatewayTest {

  @Test
  void theCommandsOwnContextIsNoWebApplicationThoughTheGatewayIsOnTheClassPath() {
    try (ConfigurableApplicationContext context =
        AudiostemsApplication.start(new String[0], Map.of())) {
      assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
    }
  }

  @Test
  void theGatewayReadsItsOwnApplicationYmlNotApps() throws Exception {
    String location = EmbeddedGateway.gatewayApplicationYml();
    try (InputStream in = URI.create(location).toURL().openStream()) {
      String yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(yml)
          .contains("name: audiostems-gateway")
          .doesNotContain("web-application-type: none");
    }
  }

  @Test
  void theGatewayIsToldServesTargetStoreAndCredentials() {
    try (ConfigurableApplicationContext context =
        AudiostemsApplication.start(
            new String[] {
              "--audiostems.serve.gateway-port=9090",
              "--audiostems.storage.root=/store",
              "--audiostems.catalogue.duplicate-policy=link-as-alternate",
              "--audiostems.catalogue.review-timeout=2d"
            },
            Map.of())) {
      AudiostemsProperties properties = context.getBean(AudiostemsProperties.class);
      GatewayCredentials credentials = GatewayCredentials.of(properties.serve());
      Map<String, Object> settings =
          EmbeddedGateway.settings(properties, credentials, "127.0.0.1:7233", "default");
      assertThat(settings)
          .containsEntry("server.port", 9090)
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("spring.main.web-application-type", "servlet")
          .containsEntry("audiostems.gateway.temporal.target", "127.0.0.1:7233")
          .containsEntry("audiostems.gateway.storage.kind", "local")
          .containsEntry("audiostems.gateway.storage.root", "/store")
          .containsEntry(
              "audiostems.gateway.security.api-keys[0].name", GatewayCredentials.GENERATED_KEY_NAME)
          .containsEntry("audiostems.gateway.security.api-keys[0].role", "ADMIN")
          .containsEntry("audiostems.gateway.tracks.duplicate-policy", "LINK_AS_ALTERNATE")
          .containsEntry("audiostems.gateway.tracks.review-timeout", "PT48H")
          .containsEntry("audiostems.gateway.tracks.on-review-timeout", "REJECT");
      assertThat(credentials.generatedAdminKey()).isPresent();
      assertThat(credentials.signingSecret()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(credentials.toString())
          .doesNotContain(credentials.signingSecret())
          .doesNotContain(credentials.generatedAdminKey().get());
    }
  }

  @Test
  void withS3StorageTheGatewayIsToldServesBucketUnderItsOwnPrefix() {
    String[] args = {
      "--audiostems.storage.kind=s3",
      "--audiostems.storage.s3.bucket=masters",
      "--audiostems.storage.s3.prefix=prod/",
      "--audiostems.storage.s3.endpoint=http://127.0.0.1:7070",
      "--audiostems.storage.s3.path-style=true",
      "--audiostems.storage.s3.encryption=aes256",
      "--audiostems.storage.s3.part-size-bytes=10485760"
    };
    try (ConfigurableApplicationContext context = AudiostemsApplication.start(args, Map.of())) {
      AudiostemsProperties properties = context.getBean(AudiostemsProperties.class);
      Map<String, Object> storage = EmbeddedGateway.storage(properties.storage());
      assertThat(storage)
          .containsEntry("audiostems.gateway.storage.kind", "s3")
          .containsEntry("audiostems.gateway.storage.s3.bucket", "masters")
          .containsEntry("audiostems.gateway.storage.s3.prefix", "prod/")
          .containsEntry("audiostems.gateway.storage.s3.region", "us-east-1")
          .containsEntry("audiostems.gateway.storage.s3.endpoint", "http://127.0.0.1:7070")
          .containsEntry("audiostems.gateway.storage.s3.path-style", true)
          .containsEntry(
              "audiostems.gateway.storage.s3.master-storage-class", "INTELLIGENT_TIERING")
          .containsEntry("audiostems.gateway.storage.s3.encryption", "AES256")
          .containsEntry("audiostems.gateway.storage.s3.part-size-bytes", "10485760");
      // Bound back as the gateway binds them, they are the workers' settings.
      var bound =
          new org.springframework.boot.context.properties.bind.Binder(
                  new org.springframework.boot.context.properties.source
                      .MapConfigurationPropertySource(storage))
              .bind(
                  "audiostems.gateway.storage",
                  com.audiostems.gateway.config.StorageProperties.class)
              .get();
      assertThat(bound.settings().s3().toS3Settings())
          .isEqualTo(properties.storage().s3().toS3Settings());
      assertThat(bound.kind()).isEqualTo(properties.storage().kind());
    }
  }

  @Test
  void configuredCredentialsAreUsedAsTheyAreAndNoKeyIsGenerated() {
    ApiKeyProperties.ApiKey studio =
        new ApiKeyProperties.ApiKey("studio", "a".repeat(64), Role.UPLOADER);
    GatewayCredentials credentials =
        GatewayCredentials.of(
            new AudiostemsProperties.Serve(8080, "127.0.0.1", "s".repeat(32), List.of(studio)));
    assertThat(credentials.signingSecret()).isEqualTo("s".repeat(32));
    assertThat(credentials.apiKeys()).containsExactly(studio);
    assertThat(credentials.generatedAdminKey()).isEmpty();
  }

  @Test
  void aShortSigningSecretFailsAtStartUnderServesKey() {
    assertThatThrownBy(
            () ->
                AudiostemsApplication.start(
                        new String[] {"--audiostems.serve.gateway-signing-secret=short"}, Map.of())
                    .close())
        .hasStackTraceContaining(
            "audiostems.serve.gateway-signing-secret must be empty (generated) or at least 32 characters");
  }
}
