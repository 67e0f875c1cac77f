package com.audiostems.gateway.support;

import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.IdentifyWorkflowImpl;
import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.WorkingCopyActivities;
import com.audiostems.workflows.trace.TraceWorkflowImpl;
import com.audiostems.workflows.track.TrackIngestWorkflowImpl;
import com.audiostems.workflows.track.TrackSearchAttributes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real Temporal (the SDK's in-memory server) running the REAL TrackIngestWorkflowImpl, with
 * in-test media activities on the real local store, and the gateway's WorkflowClient pointed at it.
 * The workers live here, in the test: the gateway itself never starts one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporalTestConfiguration {

  @Bean(destroyMethod = "close")
  TestWorkflowEnvironment temporalTestEnvironment(
      LocalBlobStore store, ObjectMapper json, Ledger ledger) {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    for (var key : TrackSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker workflows = env.newWorker(TaskQueues.TRACK_WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(
        TrackIngestWorkflowImpl.class,
        IdentifyWorkflowImpl.class,
        TraceWorkflowImpl.class,
        // Test-only licence and marked-copy workflows until the product's land (their branches).
        TestLicenceWorkflowImpl.class,
        TestMarkedCopyWorkflowImpl.class);
    FakeMediaActivities media = new FakeMediaActivities(store);
    FakeMetadataActivities metadata = new FakeMetadataActivities();
    StoreBackedStorageActivities storage = new StoreBackedStorageActivities(store, json);
    // One worker host: the shared queue, where it claims tracks, and its own queue (file affinity).
    HostAffinity host = new HostAffinity("test-host", TaskQueues.cpuHost("test-host"));
    WorkingCopyActivities claim = request -> host;
    FakeCatalogueActivities catalogue = new FakeCatalogueActivities(store);
    env.newWorker(TaskQueues.AUDIO_CPU)
        .registerActivitiesImplementations(
            media,
            metadata,
            storage,
            claim,
            catalogue,
            new TestLicenceActivities(ledger),
            new TestProcessingRecordActivities(ledger),
            new StoreBackedDeliveryActivities(store),
            new FakeWatermarkActivities(store));
    env.newWorker(host.taskQueue())
        .registerActivitiesImplementations(media, metadata, storage, catalogue);
    env.newWorker(TaskQueues.CATALOGUE).registerActivitiesImplementations(catalogue);
    env.newWorker(TaskQueues.AUDIO_GPU)
        .registerActivitiesImplementations(new FakeAnalysisActivities(store));
    env.start();
    return env;
  }

  /**
   * The ledger bean the gateway records in, the real one on its embedded file (the tests read it
   * back); one per test context, in a directory of its own.
   */
  @Bean(destroyMethod = "close")
  Ledger testLedger() throws java.io.IOException {
    return Ledgers.open(
        LedgerSettings.embedded(java.nio.file.Files.createTempDirectory("gateway-ledger-")));
  }

  @Bean
  HmacTestLicenceTokens testLicenceTokens(ObjectMapper json) {
    return new HmacTestLicenceTokens(json);
  }

  /**
   * Replaces the gateway's client; visibility queries are answered by {@link
   * VisibilityQueryInterceptor}.
   */
  @Bean
  @Primary
  WorkflowClient testWorkflowClient(TestWorkflowEnvironment env) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setChannel((ManagedChannel) env.getWorkflowServiceStubs().getRawChannel())
                .setGrpcClientInterceptors(List.of(new VisibilityQueryInterceptor()))
                .build());
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(env.getNamespace()).build());
  }
}
