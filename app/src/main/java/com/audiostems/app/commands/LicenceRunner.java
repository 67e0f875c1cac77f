package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.ledger.AppLedgers;
import com.audiostems.app.licence.LicenceDesk;
import com.audiostems.app.licence.LicenceEnd;
import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.Ledgers;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.licensing.LicenceTokenClaims;
import com.audiostems.licensing.LicenceTokens;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.delivery.MarkedCopyWorkflow;
import com.audiostems.workflows.licence.ExtendRequest;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceTerms;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.licence.RevokeRequest;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems licence grant|deliver|revoke|extend} on the embedded defaults: the store of
 * {@code --out DIR} (the one {@code process --out} wrote), its ledger, and the in-process Temporal
 * server. Each command runs the licence's entity for as long as it needs it: a grant starts it, and
 * revoke, extend and a delivery past the end resume it from its ledger row, so that its workflow
 * does the recording and the withdrawal whichever way the licence ends.
 */
@Component
public class LicenceRunner {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** How long a command waits for the licence's workflow to record a change. */
  private static final java.time.Duration RECORDING = java.time.Duration.ofSeconds(60);

  /** The formats a licence grants when none are named: every deliverable one the track has. */
  private static final List<OutputFormat> DELIVERABLE =
      List.of(
          OutputFormat.MP3_320,
          OutputFormat.AAC_256,
          OutputFormat.FLAC,
          OutputFormat.ALAC,
          OutputFormat.WAV_24,
          OutputFormat.FLAC_96K);

  /**
   * A grant as the command line gives it.
   *
   * @param formats empty: every deliverable output the track has
   * @param territories empty: worldwide
   */
  public record GrantRequest(
      String trackId,
      String licensee,
      List<OutputFormat> formats,
      LicenceEnd end,
      List<String> territories,
      long feeMinorUnits,
      String currency,
      String usageType,
      Path outDir) {}

  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;
  private final PoolStore poolStore;
  private final AppLedgers ledgers;
  private final ObjectProvider<LicenceTokens> tokens;
  private final Clock clock;

  public LicenceRunner(
      AudiostemsProperties properties,
      CpuPool cpuPool,
      PoolStore poolStore,
      AppLedgers ledgers,
      ObjectProvider<LicenceTokens> tokens) {
    this.properties = properties;
    this.cpuPool = cpuPool;
    this.poolStore = poolStore;
    this.ledgers = ledgers;
    this.tokens = tokens;
    this.clock = Clock.systemUTC();
  }

  /** Exit codes: 0 granted, 3 no such track, 2 the terms are refused, 1 failed. */
  public int grant(GrantRequest request, PrintStream out, PrintStream err) throws Exception {
    Path root = root(request.outDir());
    Optional<TrackManifest> manifest = manifest(new LocalBlobStore(root), request.trackId());
    if (manifest.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "audiostems: no published track %s in %s: process it there first (process FILE --out %s"
              + " --track-id %s).%n",
          request.trackId(),
          root,
          root,
          request.trackId());
      return ExitCodes.NOT_FOUND;
    }
    List<OutputFormat> published =
        manifest.get().outputs().stream().map(EncodedOutput::format).toList();
    List<OutputFormat> formats =
        request.formats().isEmpty()
            ? DELIVERABLE.stream().filter(published::contains).toList()
            : request.formats();
    List<OutputFormat> missing =
        formats.stream().filter(f -> !isDeliverable(f, published)).toList();
    if (!missing.isEmpty() || formats.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "audiostems: track %s has no deliverable %s output; it has %s (the preview is never"
              + " licensed).%n",
          request.trackId(),
          missing.isEmpty() ? "" : missing,
          DELIVERABLE.stream().filter(published::contains).toList());
      return ExitCodes.REJECTED;
    }
    Instant now = clock.instant();
    LicenceTerms terms =
        new LicenceTerms(
            request.trackId(),
            request.licensee(),
            formats,
            request.territories().isEmpty()
                ? List.of(LicenceTerms.WORLDWIDE)
                : request.territories(),
            now,
            request.end().after(now),
            request.feeMinorUnits(),
            request.currency(),
            request.usageType());
    String licenceId = LicenceIds.newId();
    try (Ledger ledger = openLedger(root);
        LicenceDesk desk = LicenceDesk.open(root, ledger, cpuPool, poolStore)) {
      LicenceWorkflow licence = desk.start(new LicenceGrant(licenceId, terms, operator()));
      if (awaitRecorded(ledger, licenceId, licence).isEmpty()) {
        return failedToStart(licenceId, licence, err);
      }
    }
    String token =
        tokens
            .getObject()
            .issue(
                new LicenceTokenClaims(
                    licenceId,
                    terms.licensee(),
                    terms.trackId(),
                    formats.stream().map(OutputFormat::name).toList(),
                    terms.endsAt(),
                    null));
    out.printf(Locale.ROOT, "Licence %s granted%n", licenceId);
    out.printf(Locale.ROOT, "  track:       %s%n", terms.trackId());
    out.printf(Locale.ROOT, "  licensee:    %s%n", terms.licensee());
    out.printf(Locale.ROOT, "  formats:     %s%n", names(formats));
    out.printf(Locale.ROOT, "  territories: %s%n", String.join(",", terms.territories()));
    out.printf(Locale.ROOT, "  term:        %s to %s%n", terms.startsAt(), terms.endsAt());
    out.printf(Locale.ROOT, "  token:       %s%n", token);
    return ExitCodes.OK;
  }

  /**
   * Exit codes: 0 delivered, 3 no such licence, 2 refused (ended, not started, a format or a
   * territory it does not grant), 1 failed. A refused delivery writes no file.
   */
  public int deliver(
      String licenceId,
      OutputFormat format,
      Path to,
      String territory,
      Path outDir,
      PrintStream out,
      PrintStream err)
      throws Exception {
    Path root = root(outDir);
    try (Ledger ledger = openLedger(root)) {
      Optional<LicenceRecord> found = ledger.findLicence(licenceId);
      if (found.isEmpty()) {
        return unknownLicence(licenceId, root, err);
      }
      LicenceRecord licence = found.get();
      Instant now = clock.instant();
      if (isActive(licence) && !now.isBefore(licence.endsAt())) {
        // Its term ran out while no process held its timer: the resumed entity expires it now,
        // recording the expiry and withdrawing its copies, before the refusal below reads it.
        try (LicenceDesk desk = LicenceDesk.open(root, ledger, cpuPool, poolStore)) {
          WorkflowStub.fromTyped(desk.start(resumed(licence)))
              .getResult(
                  RECORDING.toSeconds(), java.util.concurrent.TimeUnit.SECONDS, LicenceState.class);
        }
        licence = ledger.findLicence(licenceId).orElseThrow();
      }
      String refusal = refusal(licence, format, territory, now);
      if (refusal != null) {
        ledger.audit(
            new AuditEvent(
                now, "refuse", "cli", licenceId, licence.trackId(), format + ": " + refusal));
        err.println("audiostems: delivery refused: " + refusal);
        return ExitCodes.REJECTED;
      }
      MarkedCopy copy;
      try (LicenceDesk desk = LicenceDesk.open(root, ledger, cpuPool, poolStore)) {
        copy = makeCopy(desk.client(), licence, format);
      } catch (WorkflowException e) {
        ApplicationFailure failure = applicationFailure(e);
        String reason = failure != null ? failure.getOriginalMessage() : e.getMessage();
        ledger.audit(
            new AuditEvent(
                now, "refuse", "cli", licenceId, licence.trackId(), format + ": " + reason));
        err.println("audiostems: delivery failed: " + reason);
        return failure != null && failure.isNonRetryable() ? ExitCodes.REJECTED : ExitCodes.FAILED;
      }
      writeCopy(new LocalBlobStore(root), copy, to);
      Instant deliveredAt = clock.instant();
      ledger.recordDelivery(
          new DeliveryRecord(
              licenceId,
              licence.licensee(),
              licence.trackId(),
              format.name(),
              copy.bytes(),
              copy.sha256(),
              deliveredAt,
              "cli",
              territory));
      ledger.audit(
          new AuditEvent(
              deliveredAt,
              "deliver",
              "cli",
              licenceId,
              licence.trackId(),
              format + " to " + licence.licensee() + ", sha256 " + copy.sha256()));
      out.printf(
          Locale.ROOT,
          "Delivered %s of track %s under licence %s to %s: %d bytes, sha256 %s, marked %s%s%n",
          format,
          licence.trackId(),
          licenceId,
          to,
          copy.bytes(),
          copy.sha256(),
          copy.payloadId(),
          copy.reused() ? " (the licence's copy, made before)" : "");
      return ExitCodes.OK;
    }
  }

  /** Exit codes: 0 revoked, 3 no such licence, 2 it had already ended, 1 failed. */
  public int revoke(String licenceId, String reason, Path outDir, PrintStream out, PrintStream err)
      throws Exception {
    Path root = root(outDir);
    try (Ledger ledger = openLedger(root)) {
      Optional<LicenceRecord> found = ledger.findLicence(licenceId);
      if (found.isEmpty()) {
        return unknownLicence(licenceId, root, err);
      }
      if (!isActive(found.get())) {
        err.printf(
            Locale.ROOT,
            "audiostems: licence %s has already ended: %s%n",
            licenceId,
            found.get().endReason());
        return ExitCodes.REJECTED;
      }
      LicenceState ended;
      try (LicenceDesk desk = LicenceDesk.open(root, ledger, cpuPool, poolStore)) {
        LicenceWorkflow licence = desk.start(resumed(found.get()));
        licence.revoke(new RevokeRequest(reason, operator()));
        ended =
            WorkflowStub.fromTyped(licence)
                .getResult(
                    RECORDING.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS,
                    LicenceState.class);
      }
      out.printf(
          Locale.ROOT,
          "Licence %s %s at %s: %s%n",
          licenceId,
          ended.status().name().toLowerCase(Locale.ROOT),
          ended.endedAt(),
          ended.endReason());
      return ExitCodes.OK;
    }
  }

  /** Exit codes: 0 extended, 3 no such licence, 2 refused (ended, or not later), 1 failed. */
  public int extend(String licenceId, LicenceEnd end, Path outDir, PrintStream out, PrintStream err)
      throws Exception {
    Path root = root(outDir);
    try (Ledger ledger = openLedger(root)) {
      Optional<LicenceRecord> found = ledger.findLicence(licenceId);
      if (found.isEmpty()) {
        return unknownLicence(licenceId, root, err);
      }
      if (!isActive(found.get())) {
        err.printf(
            Locale.ROOT,
            "audiostems: licence %s has ended (%s); it cannot be extended.%n",
            licenceId,
            found.get().endReason());
        return ExitCodes.REJECTED;
      }
      LicenceState extended;
      try (LicenceDesk desk = LicenceDesk.open(root, ledger, cpuPool, poolStore)) {
        LicenceWorkflow licence = desk.start(resumed(found.get()));
        extended = licence.extend(new ExtendRequest(end.after(clock.instant()), operator()));
      } catch (WorkflowException e) {
        ApplicationFailure failure = applicationFailure(e);
        err.println(
            "audiostems: " + (failure != null ? failure.getOriginalMessage() : e.getMessage()));
        return failure != null ? ExitCodes.REJECTED : ExitCodes.FAILED;
      }
      out.printf(Locale.ROOT, "Licence %s now ends at %s%n", licenceId, extended.endsAt());
      return ExitCodes.OK;
    }
  }

  /** Why a delivery is refused now, in a sentence; null when it may go ahead. */
  static String refusal(LicenceRecord licence, OutputFormat format, String territory, Instant now) {
    if (!isActive(licence)) {
      return "licence "
          + licence.licenceId()
          + " has "
          + (LicenceStatus.REVOKED.name().equals(licence.status()) ? "been revoked" : "expired")
          + " ("
          + licence.endReason()
          + ", "
          + licence.endedAt()
          + ")";
    }
    if (now.isBefore(licence.startsAt())) {
      return "licence " + licence.licenceId() + " starts at " + licence.startsAt();
    }
    if (!licence.formats().contains(format.name())) {
      return "licence " + licence.licenceId() + " grants " + licence.formats() + ", not " + format;
    }
    if (territory != null
        && !licence.territories().contains(LicenceTerms.WORLDWIDE)
        && !licence.territories().contains(territory.toUpperCase(Locale.ROOT))) {
      return "licence "
          + licence.licenceId()
          + " covers "
          + String.join(",", licence.territories())
          + ", not "
          + territory;
    }
    return null;
  }

  private MarkedCopy makeCopy(WorkflowClient client, LicenceRecord licence, OutputFormat format) {
    MarkedCopyWorkflow workflow =
        client.newWorkflowStub(
            MarkedCopyWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MarkedCopyWorkflow.workflowId(licence.licenceId(), format))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setStaticSummary(format + " for " + licence.licensee())
                .build());
    return workflow.make(
        new MarkedCopyRequest(licence.licenceId(), licence.trackId(), licence.licensee(), format));
  }

  /** Copies the stored copy to {@code to} whole or not at all. */
  private static void writeCopy(LocalBlobStore store, MarkedCopy copy, Path to) throws Exception {
    Path target = to.toAbsolutePath().normalize();
    Path partial = Files.createTempFile(target.getParent(), ".delivery-", ".part");
    try (InputStream in = store.open(copy.key())) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The licence's grant as its ledger row has it now: the entity resumed in this process. */
  private static LicenceGrant resumed(LicenceRecord licence) {
    return new LicenceGrant(
        licence.licenceId(),
        new LicenceTerms(
            licence.trackId(),
            licence.licensee(),
            licence.formats().stream().map(OutputFormat::valueOf).toList(),
            licence.territories(),
            licence.startsAt(),
            licence.endsAt(),
            licence.feeMinorUnits(),
            licence.currency(),
            licence.usageType()),
        "resumed",
        true);
  }

  /** Waits until the grant is in the ledger, or the workflow has failed (empty then). */
  private static Optional<LicenceRecord> awaitRecorded(
      Ledger ledger, String licenceId, LicenceWorkflow licence) throws InterruptedException {
    long deadline = System.nanoTime() + RECORDING.toNanos();
    WorkflowStub stub = WorkflowStub.fromTyped(licence);
    while (System.nanoTime() < deadline) {
      Optional<LicenceRecord> recorded = ledger.findLicence(licenceId);
      if (recorded.isPresent()) {
        return recorded;
      }
      if (stub.describe().getStatus()
          != io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return Optional.empty();
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  private static int failedToStart(String licenceId, LicenceWorkflow licence, PrintStream err) {
    try {
      WorkflowStub.fromTyped(licence)
          .getResult(1, java.util.concurrent.TimeUnit.SECONDS, LicenceState.class);
      err.println("audiostems: licence " + licenceId + " was not recorded in time.");
      return ExitCodes.FAILED;
    } catch (WorkflowException e) {
      ApplicationFailure failure = applicationFailure(e);
      err.println(
          "audiostems: " + (failure != null ? failure.getOriginalMessage() : e.getMessage()));
      return failure != null ? ExitCodes.REJECTED : ExitCodes.FAILED;
    } catch (java.util.concurrent.TimeoutException e) {
      err.println("audiostems: licence " + licenceId + " was not recorded in time.");
      return ExitCodes.FAILED;
    }
  }

  private static ApplicationFailure applicationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a) {
        return a;
      }
    }
    return null;
  }

  private static int unknownLicence(String licenceId, Path root, PrintStream err) {
    err.printf(Locale.ROOT, "audiostems: no licence %s in the ledger of %s.%n", licenceId, root);
    return ExitCodes.NOT_FOUND;
  }

  private static boolean isActive(LicenceRecord licence) {
    return LicenceStatus.ACTIVE.name().equals(licence.status());
  }

  private static boolean isDeliverable(OutputFormat format, List<OutputFormat> published) {
    return DELIVERABLE.contains(format) && published.contains(format);
  }

  private static Optional<TrackManifest> manifest(LocalBlobStore store, String trackId)
      throws Exception {
    try (InputStream in = store.open(BlobKeys.manifestKey(trackId))) {
      return Optional.of(JSON.readValue(in, TrackManifest.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Ledger openLedger(Path root) {
    return Ledgers.open(ledgers.settings(root));
  }

  private Path root(Path outDir) {
    return outDir != null ? outDir : properties.storage().root();
  }

  private static String operator() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  private static String names(List<OutputFormat> formats) {
    return String.join(",", formats.stream().map(OutputFormat::name).toList());
  }
}
