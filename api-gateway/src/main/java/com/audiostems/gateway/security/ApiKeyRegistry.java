package com.audiostems.gateway.security;

import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.ApiKeyProperties;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the client behind an API key. Keys are looked up by their SHA-256: the configuration holds
 * only hashes, and a lookup by hash leaks nothing about the keys through timing.
 */
@Component
public class ApiKeyRegistry {
  private final Map<String, ApiClient> clientsBySha256;

  public ApiKeyRegistry(ApiKeyProperties properties) {
    this.clientsBySha256 =
        properties.apiKeys().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    ApiKeyProperties.ApiKey::keySha256,
                    k -> new ApiClient(k.name(), k.role(), k.licensee())));
  }

  public Optional<ApiClient> find(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(clientsBySha256.get(Ids.sha256Hex(apiKey)));
  }
}
