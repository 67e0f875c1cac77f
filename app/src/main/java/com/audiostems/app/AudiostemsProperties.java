package com.audiostems.app;

import com.audiostems.activities.media.MediaProperties;
import com.audiostems.activities.watermark.WatermarkProperties;
import com.audiostems.gateway.config.ApiKeyProperties.ApiKey;
import com.audiostems.storage.StorageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the audiostems command, under the {@code audiostems} prefix. Defaults are in
 * application.yml; override with {@code --audiostems.media.max-duration=1h}, environment variables
 * ({@code AUDIOSTEMS_MEDIA_MAXDURATION=1h}) or an application.yml beside the jar.
 *
 * @param storage where tracks are stored: the CPU worker host's record ({@code kind}, the local
 *     {@code root}, {@code s3.*}); {@code serve} hands the same settings to its gateway; {@code
 *     process --out DIR} overrides the root
 * @param workDir scratch space for ffmpeg's temporary files
 * @param media the limits and binaries of the media activities (the CPU worker host's own record:
 *     both read the same keys)
 * @param workers how the in-process worker pools are sized
 * @param temporal the Temporal server that {@code serve} runs and {@code worker} connects to
 * @param serve the REST gateway that {@code serve} runs beside the workers
 * @param catalogue the fingerprint catalogue: where its indexes live, and how ingests treat matches
 * @param watermark the preview's watermark keys and audible tag (the CPU worker host's own record:
 *     both read the same keys)
 * @param ledger the database of licences, deliveries and the audit log: PostgreSQL, or by default
 *     an H2 file beside the store
 * @param licenceTokens the keys licence tokens are sealed with (AES-256-GCM), like the watermark's
 */
@Validated
@ConfigurationProperties("audiostems")
public record AudiostemsProperties(
    @NotNull StorageSettings storage,
    @NotNull Path workDir,
    @Valid @NotNull MediaProperties media,
    @Valid @NotNull Workers workers,
    @Valid @NotNull Temporal temporal,
    @Valid @NotNull Serve serve,
    @Valid @NotNull Catalogue catalogue,
    @Valid @NotNull WatermarkProperties watermark,
    @Valid @NotNull LedgerDatabase ledger,
    @NotNull com.audiostems.licensing.LicenceKeySettings licenceTokens) {

  /**
   * The ledger's database.
   *
   * @param jdbcUrl PostgreSQL in production ({@code jdbc:postgresql://host:5432/audiostems});
   *     empty: the embedded H2 file {@code .ledger/ledger.mv.db} under the local store's root (so
   *     {@code process --out DIR} and the commands given the same {@code --out} share it), or under
   *     {@code temporal.data-dir} with S3
   * @param user the database user (ignored for the embedded file)
   * @param password its password; better AUDIOSTEMS_LEDGER_PASSWORD. Never printed
   */
  public record LedgerDatabase(String jdbcUrl, String user, String password) {

    public boolean embedded() {
      return jdbcUrl == null || jdbcUrl.isBlank();
    }

    /** The database for a store: the configured server, else the file beside the store's files. */
    public com.audiostems.ledger.LedgerSettings settingsFor(
        StorageSettings storage, Path localRoot, Path dataDir) {
      if (!embedded()) {
        return new com.audiostems.ledger.LedgerSettings(jdbcUrl, user, password);
      }
      // ".ledger" can never be a blob key's first segment (keys start with a letter or digit).
      return com.audiostems.ledger.LedgerSettings.embedded(
          (storage.kind() == StorageSettings.Kind.LOCAL ? localRoot : dataDir).resolve(".ledger"));
    }

    /** The password must never reach a log, and a bound record is easily printed. */
    @Override
    public String toString() {
      return "LedgerDatabase[jdbcUrl="
          + (embedded() ? "(embedded)" : jdbcUrl)
          + ", user="
          + user
          + ", password="
          + (password == null || password.isEmpty() ? "(none)" : "***")
          + "]";
    }
  }

  /**
   * @param directory the fingerprint indexes ({@code tracks/}, {@code references/}) of the process
   *     that owns the catalogue; empty: {@code .catalogue} under a local store's root, or under
   *     {@code temporal.data-dir} with S3
   * @param duplicatePolicy what an upload that is already a published track becomes: reject, or
   *     link-as-alternate
   * @param reviewTimeout how long a track matching a reference work waits for an operator
   * @param onReviewTimeout what it becomes when nobody decides in time: reject or approve
   */
  public record Catalogue(
      Path directory,
      @NotNull com.audiostems.workflows.catalogue.DuplicatePolicy duplicatePolicy,
      @NotNull Duration reviewTimeout,
      @NotNull com.audiostems.workflows.catalogue.ReviewTimeoutPolicy onReviewTimeout) {

    /** The policy every ingest this process starts carries. */
    public com.audiostems.workflows.catalogue.CataloguePolicy policy() {
      return new com.audiostems.workflows.catalogue.CataloguePolicy(
          duplicatePolicy, reviewTimeout.toSeconds(), onReviewTimeout);
    }

    /** The index directory for a store: the configured one, else beside the store's own files. */
    public Path directoryFor(StorageSettings storage, Path localRoot, Path dataDir) {
      if (directory != null && !directory.toString().isBlank()) {
        return directory;
      }
      // ".catalogue" can never be a blob key's first segment (keys start with a letter or digit).
      return (storage.kind() == StorageSettings.Kind.LOCAL ? localRoot : dataDir)
          .resolve(".catalogue");
    }
  }

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

  /**
   * The REST gateway of {@code serve}. Its other settings (Temporal target, store root) are serve's
   * own, so that the gateway and the workers cannot disagree on them.
   *
   * @param gatewayPort the gateway's HTTP port; 0 picks a free one
   * @param gatewayAddress the interface it listens on; loopback by default, as the dev server
   * @param gatewaySigningSecret HMAC key of its signed upload and download links, 32 characters or
   *     more; empty: a random one for this run (links then die with the process)
   * @param gatewayApiKeys its clients, as the gateway takes them (name, key-sha256, role); empty:
   *     one admin key is generated for this run and printed once at start
   */
  public record Serve(
      @PositiveOrZero @Max(65535) int gatewayPort,
      @NotBlank String gatewayAddress,
      String gatewaySigningSecret,
      @DefaultValue List<@Valid @NotNull ApiKey> gatewayApiKeys) {

    public boolean hasSigningSecret() {
      return gatewaySigningSecret != null && !gatewaySigningSecret.isEmpty();
    }

    /**
     * Checked here so that a short secret is reported under the key the user set, not the
     * gateway's.
     */
    @AssertTrue(
        message =
            "audiostems.serve.gateway-signing-secret must be empty (generated) or at least 32 characters")
    public boolean isSigningSecretLongEnough() {
      return !hasSigningSecret() || gatewaySigningSecret.length() >= 32;
    }

    /** The signing secret must never reach a log, and a bound record is easily printed. */
    @Override
    public String toString() {
      return "Serve[gatewayPort="
          + gatewayPort
          + ", gatewayAddress="
          + gatewayAddress
          + ", gatewaySigningSecret="
          + (hasSigningSecret() ? "***" : "(generated)")
          + ", gatewayApiKeys="
          + gatewayApiKeys
          + "]";
    }
  }
}
