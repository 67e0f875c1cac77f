package com.audiostems.app;

import com.audiostems.gateway.GatewayApplication;
import com.audiostems.gateway.config.ApiKeyProperties;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The REST gateway ({@code api-gateway}) inside {@code serve}: a Spring web application of its own in
 * this JVM, in front of serve's dev server and on serve's store root.
 *
 * <p>It is deliberately not a child of the command's context: a child merges its parent's environment
 * and finds its parent's beans, so app's settings ({@code spring.main.web-application-type: none},
 * root log level, the ObjectMapper) would leak into the gateway. It reads the gateway's own
 * application.yml and the settings serve gives it, plus the environment's AUDIOSTEMS_GATEWAY_*
 * variables for whatever serve leaves to the gateway's defaults.
 */
final class EmbeddedGateway implements AutoCloseable {
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
   * @param storeRoot the store root of serve's workers: uploads must land where they look
   */
  static EmbeddedGateway start(
      AudiostemsProperties properties, GatewayCredentials credentials, String temporalTarget, String namespace, Path storeRoot) {
    StandardServletEnvironment environment = new StandardServletEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("audiostems serve: gateway", settings(properties, credentials, temporalTarget, namespace, storeRoot)));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GatewayApplication.class)
            .environment(environment)
            .web(WebApplicationType.SERVLET)
            // Spring's own hook would close it whenever the JVM stops, in parallel with the workers;
            // serve closes it itself, first, so no request reaches workers that are going away.
            .registerShutdownHook(false)
            .run();
    return new EmbeddedGateway(context, ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** What the gateway is told; these win over its application.yml and the environment. */
  static Map<String, Object> settings(
      AudiostemsProperties properties, GatewayCredentials credentials, String temporalTarget, String namespace, Path storeRoot) {
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
    settings.put("audiostems.gateway.storage.kind", "local");
    settings.put("audiostems.gateway.storage.root", storeRoot.toString());
    // The workers reject larger sources anyway; refusing them at upload saves the transfer.
    settings.put("audiostems.gateway.uploads.max-size", properties.media().maxInputSize().toString());
    // The lanes the gateway asks for are those serve's workers have (the gateway allows 1 to 64).
    settings.put("audiostems.gateway.tracks.encode-lanes", Math.min(64, properties.workers().encodeLanesOrCores()));
    settings.put("audiostems.gateway.links.signing-secret", credentials.signingSecret());
    List<ApiKeyProperties.ApiKey> keys = credentials.apiKeys();
    for (int i = 0; i < keys.size(); i++) {
      String prefix = "audiostems.gateway.security.api-keys[" + i + "].";
      settings.put(prefix + "name", keys.get(i).name());
      settings.put(prefix + "key-sha256", keys.get(i).keySha256());
      settings.put(prefix + "role", keys.get(i).role().name());
    }
    return settings;
  }

  /** The gateway module's own application.yml: the one beside GatewayApplication's class, in its jar or folder. */
  static String gatewayApplicationYml() {
    String classFile = GatewayApplication.class.getName().replace('.', '/') + ".class";
    URL url = GatewayApplication.class.getClassLoader().getResource(classFile);
    if (url == null || !url.toString().endsWith(classFile)) {
      throw new IllegalStateException("cannot locate the api-gateway module on the class path (" + url + ")");
    }
    String root = url.toString().substring(0, url.toString().length() - classFile.length());
    return root + "application.yml";
  }

  /** The port it listens on (the one chosen when {@code audiostems.serve.gateway-port} is 0). */
  int port() {
    return port;
  }

  /** Stops taking requests, lets those in flight finish (server.shutdown: graceful), then stops. */
  @Override
  public void close() {
    context.close();
  }
}
