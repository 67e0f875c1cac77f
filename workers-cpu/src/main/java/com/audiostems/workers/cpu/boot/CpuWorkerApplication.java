package com.audiostems.workers.cpu.boot;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.StorageSettings;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

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

  /** The store itself; primary, since the working copies in front of it are a BlobStore too. */
  @Bean
  @Primary
  BlobStore blobStore(CpuWorkerProperties properties) throws IOException {
    return BlobStores.fromSettings(properties.storage());
  }

  /**
   * This host's working copies in front of the store; closed with the context, which removes them.
   */
  @Bean
  WorkingCopyStore workingCopies(BlobStore blobStore, CpuWorkerProperties properties)
      throws IOException {
    return WorkingCopyStore.open(
        blobStore, properties.workDir(), properties.media().workingCopiesMaxSize().toBytes());
  }

  @Bean
  MediaSettings mediaSettings(CpuWorkerProperties properties) throws IOException {
    MediaSettings media = properties.media().settings(properties.workDir());
    Files.createDirectories(media.workDir());
    return media;
  }

  @Bean
  CpuPoolRegistration cpuPool(
      WorkerFactory temporalWorkerFactory,
      WorkingCopyStore workingCopies,
      MediaSettings mediaSettings,
      CpuWorkerProperties properties)
      throws IOException {
    CpuWorkerSettings settings =
        CpuWorkerSettings.withSlots(properties.workers().activitySlotsOrCores());
    return new CpuPoolRegistration(
        temporalWorkerFactory,
        CpuActivities.create(
            workingCopies,
            mediaSettings,
            settings.hostId(),
            // Only a local store may generate its own key: hosts sharing a bucket must share keys.
            properties
                .watermark()
                .settings(properties.storage().kind() == StorageSettings.Kind.LOCAL)),
        settings,
        properties.workers().shutdownGrace());
  }
}
