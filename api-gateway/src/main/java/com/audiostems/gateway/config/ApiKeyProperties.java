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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
        if (key.role() == Role.LICENSEE && (key.licensee() == null || key.licensee().isBlank())) {
          throw new IllegalArgumentException(
              "audiostems.gateway.security.api-keys: key '"
                  + key.name()
                  + "' has role licensee but names no licensee; set its licensee to the name"
                  + " the licences are granted to");
        }
        if (key.role() != Role.LICENSEE && key.licensee() != null) {
          throw new IllegalArgumentException(
              "audiostems.gateway.security.api-keys: key '"
                  + key.name()
                  + "' names a licensee but its role is "
                  + key.role()
                  + "; only a licensee key is bound to a licensee");
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
   * @param licensee for role licensee only: the licensee the key is bound to (the name licences are
   *     granted to); it sees only that licensee's licences and their files
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
      @NotNull Role role,
      @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._ -]{0,127}",
              message = "must be 1-128 letters, digits, spaces, '.', '_' or '-'")
          String licensee) {

    /** The constructor the configuration binds (the record has a shorter one too). */
    @ConstructorBinding
    public ApiKey {}

    /** A key that is not bound to a licensee (every role but licensee). */
    public ApiKey(String name, String keySha256, Role role) {
      this(name, keySha256, role, null);
    }
  }
}
