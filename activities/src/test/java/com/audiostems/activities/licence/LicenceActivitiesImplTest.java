package com.audiostems.activities.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.licence.LicenceEvent;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceTerms;
import com.audiostems.workflows.licence.WithdrawnCopies;
import com.audiostems.workflows.media.OutputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceActivitiesImplTest {
  private static final String LICENCE = "0123456789abcdef0123456789abcd";
  private static final String OTHER = "ffffffffffffffffffffffffffffff";
  private static final Instant GRANTED = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant ENDS = Instant.parse("2027-06-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2027-06-01T00:00:01Z");
  private static final LicenceTerms TERMS =
      new LicenceTerms(
          "t-0001",
          "Acme Films",
          List.of(OutputFormat.MP3_320, OutputFormat.FLAC),
          List.of("GB", "FR"),
          GRANTED,
          ENDS,
          150_000,
          "EUR",
          "sync");

  @TempDir Path root;
  private LocalBlobStore store;
  private Ledger ledger;
  private LocalCdnInvalidations cdn;
  private LicenceActivitiesImpl activities;

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalBlobStore(root);
    ledger = Ledgers.open(LedgerSettings.embedded(root.resolve(".ledger")));
    cdn = new LocalCdnInvalidations(store, Clock.fixed(NOW, ZoneOffset.UTC));
    activities = new LicenceActivitiesImpl(ledger, store, cdn);
  }

  private static LicenceState active() {
    return new LicenceState(LICENCE, TERMS, LicenceStatus.ACTIVE, ENDS, null, null, 0);
  }

  private static LicenceState expired() {
    return new LicenceState(LICENCE, TERMS, LicenceStatus.EXPIRED, ENDS, ENDS, "term ended", 0);
  }

  @Test
  void aGrantWritesTheLicencesRowAndOneAuditRow() {
    activities.recordLicenceEvent(
        new LicenceEvent("granted", "desk@example.com", GRANTED, active()));

    assertThat(ledger.findLicence(LICENCE))
        .contains(
            new LicenceRecord(
                LICENCE,
                "t-0001",
                "Acme Films",
                List.of("MP3_320", "FLAC"),
                List.of("GB", "FR"),
                GRANTED,
                ENDS,
                150_000,
                "EUR",
                "sync",
                "ACTIVE",
                GRANTED,
                null,
                null));
    assertThat(ledger.auditLog()).hasSize(1);
    AuditEvent audited = ledger.auditLog().get(0).event();
    assertThat(audited.action()).isEqualTo("granted");
    assertThat(audited.actor()).isEqualTo("desk@example.com");
    assertThat(audited.licenceId()).isEqualTo(LICENCE);
    assertThat(audited.trackId()).isEqualTo("t-0001");
    assertThat(audited.at()).isEqualTo(GRANTED);
  }

  @Test
  void aTracksActiveLicencesAreThoseNotEnded() {
    activities.recordLicenceEvent(new LicenceEvent("granted", "desk", GRANTED, active()));
    LicenceState other = new LicenceState(OTHER, TERMS, LicenceStatus.ACTIVE, ENDS, null, null, 0);
    activities.recordLicenceEvent(new LicenceEvent("granted", "desk", GRANTED, other));
    assertThat(activities.activeLicencesOfTrack(TERMS.trackId()))
        .containsExactlyInAnyOrder(LICENCE, OTHER);

    activities.recordLicenceEvent(new LicenceEvent("expired", "timer", ENDS, expired()));

    assertThat(activities.activeLicencesOfTrack(TERMS.trackId())).containsExactly(OTHER);
    assertThat(activities.activeLicencesOfTrack("another-track")).isEmpty();
  }

  @Test
  void aRetriedEventIsRecordedOnce() {
    LicenceEvent grant = new LicenceEvent("granted", "desk@example.com", GRANTED, active());
    LicenceEvent expiry = new LicenceEvent("expired", "timer", ENDS, expired());

    activities.recordLicenceEvent(grant);
    activities.recordLicenceEvent(grant);
    activities.recordLicenceEvent(expiry);
    activities.recordLicenceEvent(expiry);

    assertThat(ledger.auditLog())
        .extracting(e -> e.event().action())
        .containsExactly("granted", "expired");
  }

  @Test
  void anEndUpdatesTheRowAndKeepsWhenItWasGranted() {
    activities.recordLicenceEvent(new LicenceEvent("granted", "desk", GRANTED, active()));

    activities.recordLicenceEvent(new LicenceEvent("expired", "timer", ENDS, expired()));

    LicenceRecord row = ledger.findLicence(LICENCE).orElseThrow();
    assertThat(row.status()).isEqualTo("EXPIRED");
    assertThat(row.grantedAt()).isEqualTo(GRANTED);
    assertThat(row.endedAt()).isEqualTo(ENDS);
    assertThat(row.endReason()).isEqualTo("term ended");
    assertThat(ledger.auditLog().get(1).event().detail()).isEqualTo("term ended");
  }

  @Test
  void withdrawingDeletesEveryCopyOfTheLicenceAndNothingElseAndRecordsTheInvalidation()
      throws Exception {
    String mp3 = DeliveryKeys.copyKey(LICENCE, OutputFormat.MP3_320);
    String flac = DeliveryKeys.copyKey(LICENCE, OutputFormat.FLAC);
    String others = DeliveryKeys.copyKey(OTHER, OutputFormat.MP3_320);
    for (String key : List.of(mp3, flac, others, "tracks/t-0001/v1/flac.flac")) {
      store.storeBytes(key, "audio".getBytes(StandardCharsets.UTF_8));
    }

    WithdrawnCopies withdrawn = activities.withdrawCopies(LICENCE, "revoked: payment reversed");

    assertThat(withdrawn.deletedKeys()).containsExactlyInAnyOrder(mp3, flac);
    assertThat(store.exists(mp3)).isFalse();
    assertThat(store.exists(flac)).isFalse();
    assertThat(store.exists(others)).isTrue();
    assertThat(store.exists("tracks/t-0001/v1/flac.flac")).isTrue();
    assertThat(withdrawn.invalidationId()).isEqualTo("local-" + LICENCE);
    assertThat(cdn.read(LICENCE))
        .isEqualTo(
            new LocalCdnInvalidations.Request(
                "local-" + LICENCE,
                List.of("/licences/" + LICENCE + "/copies/*"),
                "revoked: payment reversed",
                NOW.toString()));
    assertThat(store.list("cdn-invalidations/"))
        .containsExactly(LocalCdnInvalidations.key(LICENCE));
  }

  @Test
  void aRetriedWithdrawalFindsNothingLeftAndAnswersTheSameInvalidation() throws Exception {
    store.storeBytes(DeliveryKeys.copyKey(LICENCE, OutputFormat.FLAC), new byte[] {1});
    WithdrawnCopies first = activities.withdrawCopies(LICENCE, "term ended");
    ledger.recordDelivery(
        new DeliveryRecord(LICENCE, "Acme Films", "t-0001", "FLAC", 1, "00", GRANTED, "cli", null));
    LicenceActivitiesImpl later =
        new LicenceActivitiesImpl(
            ledger,
            store,
            new LocalCdnInvalidations(store, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)));

    WithdrawnCopies again = later.withdrawCopies(LICENCE, "term ended");

    assertThat(again.deletedKeys()).isEmpty();
    assertThat(again.invalidationId()).isEqualTo(first.invalidationId());
    assertThat(cdn.read(LICENCE).requestedAt())
        .as("the first request stands")
        .isEqualTo(NOW.toString());
  }

  @Test
  void aLicenceNeverDeliveredHasNothingToInvalidate() throws Exception {
    WithdrawnCopies withdrawn = activities.withdrawCopies(LICENCE, "term ended");

    assertThat(withdrawn).isEqualTo(new WithdrawnCopies(List.of(), null));
    assertThat(store.list("cdn-invalidations/")).isEmpty();
  }
}
