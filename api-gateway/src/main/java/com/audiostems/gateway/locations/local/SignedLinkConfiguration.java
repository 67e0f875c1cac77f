package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.config.LinkProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own signed links, on every store kind: the local store's uploads and downloads, and
 * the HLS playlists the gateway serves rewritten in front of any store.
 */
@Configuration
public class SignedLinkConfiguration {

  @Bean
  LinkSigner linkSigner(LinkProperties links, Clock clock) {
    return new LinkSigner(links.signingSecret(), clock);
  }

  @Bean
  GatewayBaseUrl gatewayBaseUrl(LinkProperties links) {
    return new GatewayBaseUrl(links);
  }
}
