package com.audiostems.app.gateway;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.ApiKeyProperties;
import com.audiostems.gateway.security.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's signing secret and API keys for one {@code serve} run: the configured ones, or
 * random ones, so that a local {@code serve} works with no set-up and still never answers without a
 * key.
 *
 * @param signingSecret the HMAC key of the signed links
 * @param apiKeys the clients, as hashes
 * @param generatedAdminKey the plain admin key when it was generated for this run: the one copy the
 *     user will ever see, to be printed once; empty when the keys are configured
 */
public record GatewayCredentials(
    String signingSecret,
    List<ApiKeyProperties.ApiKey> apiKeys,
    Optional<String> generatedAdminKey) {

  static final String GENERATED_KEY_NAME = "serve-admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** No secret in the record's text: it is easily logged. */
  @Override
  public String toString() {
    return "GatewayCredentials[signingSecret=***, apiKeys="
        + apiKeys
        + ", generatedAdminKey="
        + generatedAdminKey.map(key -> "***").orElse("none")
        + "]";
  }

  public static GatewayCredentials of(AudiostemsProperties.Serve serve) {
    String secret = serve.hasSigningSecret() ? serve.gatewaySigningSecret() : randomToken();
    if (!serve.gatewayApiKeys().isEmpty()) {
      return new GatewayCredentials(secret, serve.gatewayApiKeys(), Optional.empty());
    }
    String key = randomToken();
    // Ids.sha256Hex is the hash the gateway looks keys up by: one function for both sides.
    ApiKeyProperties.ApiKey admin =
        new ApiKeyProperties.ApiKey(GENERATED_KEY_NAME, Ids.sha256Hex(key), Role.ADMIN);
    return new GatewayCredentials(secret, List.of(admin), Optional.of(key));
  }

  /**
   * 256 random bits, URL- and shell-safe: as strong as the HMAC key needs, and pastes into a curl
   * line.
   */
  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
