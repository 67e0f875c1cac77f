package com.audiostems.workers.gpu.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analysis pool as its own Spring Boot application, connected by the Temporal starter to a
 * server on a port: a workflow elsewhere schedules an analysis on {@code audio-gpu} and this
 * application answers it.
 */
class GpuWorkerApplicationTest {
  @TempDir Path temp;

  @WorkflowInterface
  public interface AnalyseOnce {
    @WorkflowMethod
    AnalysisResult analyse(AnalyzeRequest request);
  }

  public static class AnalyseOnceImpl implements AnalyseOnce {
    @Override
    public AnalysisResult analyse(AnalyzeRequest request) {
      return Workflow.newActivityStub(
              AnalysisActivities.class,
              ActivityOptions.newBuilder()
                  .setTaskQueue(TaskQueues.AUDIO_GPU)
                  .setStartToCloseTimeout(Duration.ofMinutes(2))
                  .build())
          .analyze(request);
    }
  }

  @Test
  void theStartersFactoryRunsTheAnalysisPool() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path store = temp.resolve("store");
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(GpuWorkerApplication.class)
                .run(
                    "--spring.temporal.connection.target=127.0.0.1:" + port,
                    "--audiostems.storage.root=" + store,
                    "--audiostems.work-dir=" + temp.resolve("work"),
                    "--audiostems.workers.activity-slots=1")) {
      WorkerFactory factory = context.getBean(WorkerFactory.class);
      assertThat(factory.isStarted()).isTrue();
      assertThat(factory.tryGetWorker(TaskQueues.AUDIO_GPU)).isNotNull();
      assertThat(context.getBean(GpuWorkerApplication.AnalysisPool.class).activitySlots())
          .isEqualTo(1);

      Path source = TestAudio.wav(temp.resolve("tone.wav"), 48_000, 24, 2, 4.0);
      String sourceKey = BlobKeys.sourceKey("gpu-1", "tone.wav");
      context.getBean(BlobStore.class).store(sourceKey, source);
      WorkflowClient client = context.getBean(WorkflowClient.class);
      WorkerFactory elsewhere = WorkerFactory.newInstance(client);
      elsewhere
          .newWorker("gpu-test-workflows")
          .registerWorkflowImplementationTypes(AnalyseOnceImpl.class);
      elsewhere.start();
      try {
        SourceProbe probe =
            new SourceProbe(
                "wav",
                "pcm_s24le",
                0,
                48_000,
                24,
                "s32",
                2,
                "stereo",
                4.0,
                2_304_000,
                1,
                true,
                false);
        TrackAnalysis analysis =
            client
                .newWorkflowStub(
                    AnalyseOnce.class,
                    WorkflowOptions.newBuilder().setTaskQueue("gpu-test-workflows").build())
                .analyse(new AnalyzeRequest("gpu-1", sourceKey, probe, 1))
                .analysis();

        assertThat(analysis.analysedSeconds()).isEqualTo(4.0);
        assertThat(analysis.loudness().integratedLufs()).isBetween(-60.0, 0.0);
        assertThat(store.resolve("tracks/gpu-1/v1/analysis.json")).exists();
      } finally {
        elsewhere.shutdownNow();
      }
    }
  }
}
