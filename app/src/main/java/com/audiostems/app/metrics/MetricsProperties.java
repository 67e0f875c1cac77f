package com.audiostems.app.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code audiostems.metrics.*}: where {@code worker} and {@code serve} answer {@code
 * /actuator/prometheus}, and how often Temporal's metrics and the task queues' backlog are read.
 *
 * @param port the management port; -1 (the default) opens none, 0 picks a free one
 * @param address where it listens; loopback unless a scraper elsewhere must reach it
 * @param temporalReportInterval how often the SDK's and the workflows' metrics reach the registry
 * @param backlogPollInterval how often the pool's task queues are described for their backlog
 * @param storageInventoryInterval how often serve and the CPU workers list the store to gauge its
 *     bytes by storage class; 0 turns it off (on all but one process of a fleet on one bucket)
 */
@Validated
@ConfigurationProperties("audiostems.metrics")
public record MetricsProperties(
    @Min(-1) @Max(65535) int port,
    @NotBlank String address,
    @NotNull Duration temporalReportInterval,
    @NotNull Duration backlogPollInterval,
    @NotNull Duration storageInventoryInterval) {

  public MetricsProperties {
    if (address == null) {
      address = "127.0.0.1";
    }
    if (temporalReportInterval == null) {
      temporalReportInterval = Duration.ofSeconds(10);
    }
    if (backlogPollInterval == null) {
      backlogPollInterval = Duration.ofSeconds(30);
    }
    if (storageInventoryInterval == null) {
      storageInventoryInterval = Duration.ofMinutes(15);
    }
  }

  public boolean managementPortEnabled() {
    return port >= 0;
  }
}
