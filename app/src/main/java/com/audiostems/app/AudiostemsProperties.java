package com.audiostems.app;

import com.audiostems.workers.cpu.boot.CpuWorkerProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the audiostems command, under the {@code audiostems} prefix. Defaults are in
 * application.yml; override with {@code --audiostems.media.max-duration=1h}, environment variables
 * ({@code AUDIOSTEMS_MEDIA_MAXDURATION=1h}) or an application.yml beside the jar.
 *
 * @param storage where tracks are stored
 * @param workDir scratch space for ffmpeg's temporary files
 * @param media the limits and binaries of the media activities (the CPU worker host's own record:
 *     both read the same keys)
 * @param workers how the in-process worker pools are sized
 * @param temporal the Temporal server that {@code serve} runs and {@code worker} connects to
 */
@Validated
@ConfigurationProperties("audiostems")
public record AudiostemsProperties(
    @Valid @NotNull Storage storage,
    @NotNull Path workDir,
    @Valid @NotNull CpuWorkerProperties.Media media,
    @Valid @NotNull Workers workers,
    @Valid @NotNull Temporal temporal) {

  /** @param root the local blob store's root ({@code process --out DIR} overrides it) */
  public record Storage(@NotNull Path root) {}

  /**
   * @param activitySlots concurrent media activities per host; 0 means one per core
   * @param encodeLanes parallel ffmpeg processes per track; 0 means one per core
   */
  public record Workers(@PositiveOrZero int activitySlots, @PositiveOrZero int encodeLanes) {

    public int activitySlotsOrCores() {
      return activitySlots > 0 ? activitySlots : Runtime.getRuntime().availableProcessors();
    }

    public int encodeLanesOrCores() {
      return encodeLanes > 0 ? encodeLanes : Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * @param cliPath the Temporal CLI that {@code serve} runs; empty: {@code temporal} on PATH, then
   *     {@code $HOME/go/bin/temporal}; none found: the in-process server
   * @param dataDir where {@code serve} keeps the dev server's SQLite file ({@code temporal.db}) and
   *     its log ({@code temporal.log})
   * @param port the dev server's gRPC port; 0 picks a free one
   * @param uiPort the dev server's web UI port; 0 picks a free one
   * @param startupTimeout how long the dev server may take to answer before {@code serve} gives up
   * @param target an existing server for {@code worker}, as host:port ({@code --temporal})
   * @param namespace the namespace that workers poll ({@code --namespace})
   * @param tls the client certificate for mTLS, e.g. Temporal Cloud ({@code --tls-cert/--tls-key})
   * @param apiKey an API key, e.g. Temporal Cloud's ({@code --api-key}, or better
   *     AUDIOSTEMS_TEMPORAL_APIKEY: a command line is visible to every user of the host)
   * @param shutdownGrace on Ctrl-C or SIGTERM, how long running activities may finish before the
   *     workers are stopped and the server goes down
   */
  public record Temporal(
      String cliPath,
      @NotNull Path dataDir,
      @PositiveOrZero @Max(65535) int port,
      @PositiveOrZero @Max(65535) int uiPort,
      @NotNull Duration startupTimeout,
      String target,
      @NotBlank String namespace,
      @Valid @DefaultValue Tls tls,
      String apiKey,
      @NotNull Duration shutdownGrace) {

    public boolean hasTarget() {
      return target != null && !target.isBlank();
    }

    public boolean hasApiKey() {
      return apiKey != null && !apiKey.isBlank();
    }

    /** mTLS and an API key are two ways to authenticate: a server is given one. */
    @AssertTrue(message = "set audiostems.temporal.tls or audiostems.temporal.api-key, not both")
    public boolean isOneWayToAuthenticate() {
      return !(tls.enabled() && hasApiKey());
    }
  }

  /**
   * @param cert the client certificate chain, PEM
   * @param key its PKCS#8 private key, PEM
   */
  public record Tls(Path cert, Path key) {

    public boolean enabled() {
      return cert != null;
    }

    @AssertTrue(message = "audiostems.temporal.tls needs both cert and key")
    public boolean isComplete() {
      return (cert == null) == (key == null);
    }
  }
}
