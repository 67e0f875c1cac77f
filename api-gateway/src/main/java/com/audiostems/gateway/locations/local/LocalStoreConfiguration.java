package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.config.StorageProperties;
import com.audiostems.storage.LocalBlobStore;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local blob store and the gateway-served links in front of it. Active for {@code
 * audiostems.gateway.storage.kind=local} (the default); another kind brings its own store and
 * {@code UploadLocations}/{@code DownloadLocations} beans, and these endpoints disappear. The
 * signer and the base URL are {@link SignedLinkConfiguration}'s: every kind signs the HLS playlist
 * links.
 */
@Configuration
@ConditionalOnProperty(
    name = "audiostems.gateway.storage.kind",
    havingValue = "local",
    matchIfMissing = true)
public class LocalStoreConfiguration {

  @Bean
  LocalBlobStore localBlobStore(StorageProperties storage) throws IOException {
    return new LocalBlobStore(storage.root());
  }

  @Bean
  LocalUploadLocations localUploadLocations(LinkSigner signer, GatewayBaseUrl baseUrl) {
    return new LocalUploadLocations(signer, baseUrl);
  }

  @Bean
  LocalDownloadLocations localDownloadLocations(LinkSigner signer, GatewayBaseUrl baseUrl) {
    return new LocalDownloadLocations(signer, baseUrl);
  }
}
