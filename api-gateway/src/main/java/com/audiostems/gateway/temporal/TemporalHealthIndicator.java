package com.audiostems.gateway.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "temporal" in the health endpoint: whether the frontend answers a cheap call. Every endpoint but
 * the signed-link ones needs it, so a gateway that cannot reach it is not ready for traffic.
 */
@Component("temporal")
public class TemporalHealthIndicator implements HealthIndicator {
  private static final long DEADLINE_MILLIS = 2_000;
  private final WorkflowClient client;

  public TemporalHealthIndicator(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      GetSystemInfoResponse info =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Health.up()
          .withDetail("namespace", client.getOptions().getNamespace())
          .withDetail("serverVersion", info.getServerVersion())
          .build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("namespace", client.getOptions().getNamespace())
          .withDetail("error", e.getMessage())
          .build();
    }
  }
}
