package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.config.LinkProperties;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address clients reach this gateway at, for the links it signs: the configured public URL,
 * else the address of the current request (which honours forwarded headers when {@code
 * server.forward-headers-strategy} is set).
 */
public final class GatewayBaseUrl {
  private final LinkProperties links;

  public GatewayBaseUrl(LinkProperties links) {
    this.links = links;
  }

  /** Without a trailing slash, ready to have a path appended. */
  public String current() {
    String base =
        links.publicBaseUrl() != null
            ? links.publicBaseUrl().toString()
            : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
