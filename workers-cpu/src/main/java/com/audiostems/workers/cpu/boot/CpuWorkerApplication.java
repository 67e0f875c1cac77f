package com.audiostems.workers.cpu.boot;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.BlobStores;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The CPU worker pool as a service of its own: {@code java -jar workers-cpu-<version>-exec.jar}.
 * The Temporal Spring Boot starter connects ({@code spring.temporal.*}), creates the worker factory
 * (virtual workflow threads) and starts it once the application is ready; the pool's workers are
 * {@link CpuPoolRegistration}'s.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CpuWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(CpuWorkerApplication.class, args);
  }

  @Bean
  BlobStore blobStore(CpuWorkerProperties properties) throws IOException {
    return BlobStores.fromSettings(properties.storage());
  }

  @Bean
  MediaSettings mediaSettings(CpuWorkerProperties properties) throws IOException {
    MediaSettings media = properties.media().settings(properties.workDir());
    Files.createDirectories(media.workDir());
    return media;
  }

  @Bean
  CpuPoolRegistration cpuPool(
      WorkerFactory temporalWorkerFactory, BlobStore blobStore, MediaSettings mediaSettings, CpuWorkerProperties properties) {
    CpuWorkerSettings settings = CpuWorkerSettings.withSlots(properties.workers().activitySlotsOrCores());
    return new CpuPoolRegistration(
        temporalWorkerFactory,
        CpuActivities.create(blobStore, mediaSettings, settings.hostId()),
        settings,
        properties.workers().shutdownGrace());
  }
}
