package com.audiostems.gateway.config;

import com.audiostems.gateway.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clients allowed in, one API key each. Only the SHA-256 of each key is configured, so that the
 * configuration (and anything that prints it) holds nothing a caller could send: {@code printf %s
 * "$KEY" | sha256sum}.
 *
 * @param apiKeys the keys; at least one, names and hashes unique
 */
@Validated
@ConfigurationProperties("audiostems.gateway.security")
public record ApiKeyProperties(
    @NotEmpty(message = "must name at least one API key") List<@Valid @NotNull ApiKey> apiKeys) {

  public ApiKeyProperties {
    if (apiKeys != null) {
      Set<String> names = new HashSet<>();
      Set<String> hashes = new HashSet<>();
      for (ApiKey key : apiKeys) {
        if (key == null) {
          continue;
        }
        if (key.name() != null && !names.add(key.name())) {
          throw new IllegalArgumentException(
              "audiostems.gateway.security.api-keys: the name '" + key.name() + "' is used twice");
        }
        if (key.keySha256() != null && !hashes.add(key.keySha256())) {
          throw new IllegalArgumentException(
              "audiostems.gateway.security.api-keys: key '"
                  + key.name()
                  + "' has the same key-sha256 as another key");
        }
      }
      apiKeys = List.copyOf(apiKeys);
    }
  }

  /**
   * @param name the client's name: recorded as the owner of its uploads and tracks
   * @param keySha256 lowercase hex SHA-256 of the key the client sends in {@code X-Api-Key}
   * @param role what the client may do
   */
  public record ApiKey(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
              message = "must be 1-64 letters, digits, '.', '_' or '-'")
          String name,
      @NotBlank
          @Pattern(
              regexp = "[0-9a-f]{64}",
              message = "must be 64 lowercase hex digits (sha256sum of the key)")
          String keySha256,
      @NotNull Role role) {}
}
