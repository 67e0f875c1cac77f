package com.audiostems.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The REST gateway: a Temporal client in front of the track workflows. Clients are API keys (see
 * {@code audiostems.gateway.security}), so Spring's generated in-memory user is switched off.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }

  /** One clock for link expiry and upload times, so that tests can pin it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
