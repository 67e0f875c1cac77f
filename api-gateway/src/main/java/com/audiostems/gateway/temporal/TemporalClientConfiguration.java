package com.audiostems.gateway.temporal;

import com.audiostems.gateway.config.TemporalProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Temporal client of the gateway. The stubs connect lazily, so the gateway starts while
 * Temporal is still coming up; the health endpoint reports whether it answers. Everything else
 * reaches the service through {@link WorkflowClient#getWorkflowServiceStubs()}, so that replacing
 * this one bean (as the tests do) moves the whole gateway.
 */
@Configuration
public class TemporalClientConfiguration {

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalProperties temporal) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(temporal.target())
            .setRpcTimeout(temporal.rpcTimeout())
            .build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties temporal) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(temporal.namespace()).build());
  }
}
