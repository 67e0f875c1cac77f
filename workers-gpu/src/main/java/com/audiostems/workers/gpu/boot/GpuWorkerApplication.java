package com.audiostems.workers.gpu.boot;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.BlobStores;
import com.audiostems.workers.gpu.GpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The analysis (GPU) pool as a service of its own: {@code java -jar
 * workers-gpu-<version>-exec.jar}. The Temporal Spring Boot starter connects ({@code
 * spring.temporal.*}), creates the worker factory and starts it once the application is ready, and
 * stops it with the application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GpuWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(GpuWorkerApplication.class, args);
  }

  @Bean
  BlobStore blobStore(GpuWorkerProperties properties) throws IOException {
    return BlobStores.fromSettings(properties.storage());
  }

  /** Registered while the context starts, before the starter starts the factory. */
  @Bean
  AnalysisPool analysisPool(
      WorkerFactory temporalWorkerFactory, BlobStore blobStore, GpuWorkerProperties properties)
      throws IOException {
    MediaSettings media = properties.media().settings(properties.workDir());
    Files.createDirectories(media.workDir());
    GpuWorkers.register(
        temporalWorkerFactory, blobStore, media, properties.workers().activitySlotsOrCores());
    return new AnalysisPool(properties.workers().activitySlotsOrCores());
  }

  /** The registered pool, as a bean that says so. */
  public record AnalysisPool(int activitySlots) {}
}
