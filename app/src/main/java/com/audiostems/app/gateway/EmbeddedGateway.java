package com.audiostems.app.gateway;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.metrics.PipelineMetrics;
import com.audiostems.gateway.GatewayApplication;
import com.audiostems.gateway.config.ApiKeyProperties;
import com.audiostems.storage.StorageSettings;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The REST gateway ({@code api-gateway}) inside {@code serve}: a Spring web application of its own
 * in this JVM, in front of serve's dev server and on serve's store: the local root (uploads and
 * downloads through the gateway's signed links) or the bucket (presigned S3 PUTs and GETs).
 *
 * <p>It is deliberately not a child of the command's context: a child merges its parent's
 * environment and finds its parent's beans, so app's settings ({@code
 * spring.main.web-application-type: none}, root log level, the ObjectMapper) would leak into the
 * gateway. It reads the gateway's own application.yml and the settings serve gives it, plus the
 * environment's AUDIOSTEMS_GATEWAY_* variables for whatever serve leaves to the gateway's defaults.
 */
public final class EmbeddedGateway implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final int port;

  private EmbeddedGateway(ConfigurableApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  /**
   * Starts the gateway and returns once it listens.
   *
   * @param temporalTarget the dev server's host:port
   * @param licensing the application's ledger and licence tokens, for the licence endpoints
   * @param metrics the process's registry, which the gateway's {@code /actuator/prometheus} then
   *     answers (in {@code serve} one scrape reads the workers' and the gateway's meters); null:
   *     the gateway's own
   */
  public static EmbeddedGateway start(
      AudiostemsProperties properties,
      GatewayCredentials credentials,
      String temporalTarget,
      String namespace,
      GatewayLicensing licensing,
      PipelineMetrics metrics) {
    StandardServletEnvironment environment = new StandardServletEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "audiostems serve: gateway",
                settings(properties, credentials, temporalTarget, namespace)));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GatewayApplication.class)
            .environment(environment)
            .initializers(licensing::register)
            .web(WebApplicationType.SERVLET)
            // Spring's own hook would close it whenever the JVM stops, in parallel with the
            // workers;
            // serve closes it itself, first, so no request reaches workers that are going away.
            .registerShutdownHook(false)
            .initializers(
                gatewayContext -> {
                  if (metrics != null) {
                    // Actuator's registry beans are conditional on missing ones: these are used.
                    gatewayContext
                        .getBeanFactory()
                        .registerSingleton("prometheusMeterRegistry", metrics.registry());
                    gatewayContext
                        .getBeanFactory()
                        .registerSingleton("prometheusRegistry", metrics.prometheusRegistry());
                  }
                })
            .run();
    return new EmbeddedGateway(
        context, ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** What the gateway is told; these win over its application.yml and the environment. */
  static Map<String, Object> settings(
      AudiostemsProperties properties,
      GatewayCredentials credentials,
      String temporalTarget,
      String namespace) {
    AudiostemsProperties.Serve serve = properties.serve();
    Map<String, Object> settings = new LinkedHashMap<>();
    // Both files are classpath:application.yml and app's comes first on the class path; the gateway
    // must read its own (web type servlet, problem details, actuator exposure), not app's.
    settings.put("spring.config.location", gatewayApplicationYml());
    settings.put("spring.main.web-application-type", "servlet");
    settings.put("server.port", serve.gatewayPort());
    settings.put("server.address", serve.gatewayAddress());
    settings.put("audiostems.gateway.temporal.target", temporalTarget);
    settings.put("audiostems.gateway.temporal.namespace", namespace);
    // Uploads must land where serve's workers look, and downloads come from where they write.
    settings.putAll(storage(properties.storage()));
    // The workers reject larger sources anyway; refusing them at upload saves the transfer.
    settings.put(
        "audiostems.gateway.uploads.max-size", properties.media().maxInputSize().toString());
    // The lanes the gateway asks for are those serve's workers have (the gateway allows 1 to 64).
    settings.put(
        "audiostems.gateway.tracks.encode-lanes",
        Math.min(64, properties.workers().encodeLanesOrCores()));
    // Tracks started through serve's gateway follow serve's catalogue policy.
    settings.put(
        "audiostems.gateway.tracks.duplicate-policy",
        properties.catalogue().duplicatePolicy().name());
    settings.put(
        "audiostems.gateway.tracks.review-timeout",
        properties.catalogue().reviewTimeout().toString());
    settings.put(
        "audiostems.gateway.tracks.on-review-timeout",
        properties.catalogue().onReviewTimeout().name());
    settings.put("audiostems.gateway.links.signing-secret", credentials.signingSecret());
    List<ApiKeyProperties.ApiKey> keys = credentials.apiKeys();
    for (int i = 0; i < keys.size(); i++) {
      String prefix = "audiostems.gateway.security.api-keys[" + i + "].";
      settings.put(prefix + "name", keys.get(i).name());
      settings.put(prefix + "key-sha256", keys.get(i).keySha256());
      settings.put(prefix + "role", keys.get(i).role().name());
      if (keys.get(i).licensee() != null) {
        settings.put(prefix + "licensee", keys.get(i).licensee());
      }
    }
    return settings;
  }

  /**
   * Serve's {@code audiostems.storage.*} as the gateway's {@code audiostems.gateway.storage.*}: the
   * same {@link StorageSettings} record under the gateway's prefix, so one configuration serves
   * both. Unset S3 values are left out, so the gateway takes the same defaults the workers do.
   */
  static Map<String, Object> storage(StorageSettings storage) {
    String prefix = "audiostems.gateway.storage.";
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(prefix + "kind", storage.kind().name().toLowerCase(Locale.ROOT));
    if (storage.root() != null) {
      settings.put(prefix + "root", storage.root().toAbsolutePath().normalize().toString());
    }
    StorageSettings.S3 s3 = storage.s3();
    if (storage.kind() == StorageSettings.Kind.S3) {
      putIfSet(settings, prefix + "s3.bucket", s3.bucket());
      putIfSet(settings, prefix + "s3.prefix", s3.prefix());
      putIfSet(settings, prefix + "s3.region", s3.region());
      putIfSet(settings, prefix + "s3.endpoint", s3.endpoint());
      settings.put(prefix + "s3.path-style", s3.pathStyle());
      putIfSet(
          settings,
          prefix + "s3.master-storage-class",
          s3.masterStorageClass() == null ? null : s3.masterStorageClass().name());
      putIfSet(
          settings,
          prefix + "s3.encryption",
          s3.encryption() == null ? null : s3.encryption().name());
      putIfSet(settings, prefix + "s3.kms-key-id", s3.kmsKeyId());
      putIfSet(settings, prefix + "s3.multipart-threshold-bytes", s3.multipartThresholdBytes());
      putIfSet(settings, prefix + "s3.part-size-bytes", s3.partSizeBytes());
    }
    return settings;
  }

  private static void putIfSet(Map<String, Object> settings, String key, Object value) {
    if (value != null) {
      settings.put(key, value.toString());
    }
  }

  /**
   * The gateway module's own application.yml: the one beside GatewayApplication's class, in its jar
   * or folder.
   */
  static String gatewayApplicationYml() {
    String classFile = GatewayApplication.class.getName().replace('.', '/') + ".class";
    URL url = GatewayApplication.class.getClassLoader().getResource(classFile);
    if (url == null || !url.toString().endsWith(classFile)) {
      throw new IllegalStateException(
          "cannot locate the api-gateway module on the class path (" + url + ")");
    }
    String root = url.toString().substring(0, url.toString().length() - classFile.length());
    return root + "application.yml";
  }

  /** The port it listens on (the one chosen when {@code audiostems.serve.gateway-port} is 0). */
  public int port() {
    return port;
  }

  /** Stops taking requests, lets those in flight finish (server.shutdown: graceful), then stops. */
  @Override
  public void close() {
    context.close();
  }
}
