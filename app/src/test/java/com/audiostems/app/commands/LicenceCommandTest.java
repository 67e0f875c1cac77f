package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.ledger.LedgerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The licence journey on the embedded defaults, as the "done when" has it: process a track,
 * grant a licence, deliver its formats, trace a 15 s MP3 128k excerpt of a delivered copy to the
 * licence and licensee, revoke, and find the next delivery refused; the audit log holds and a
 * changed row is caught.
 */
class LicenceCommandTest {
  @TempDir Path temp;

  private static String licenceIdIn(String out) {
    Matcher m = Pattern.compile("Licence ([0-9a-f]{30}) granted").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  @Test
  void aLicenceIsGrantedDeliveredTracedRevokedAndThenRefused() throws Exception {
    Path store = temp.resolve("store");
    Path song = CatalogueCommandTest.music(temp, "song.wav", 31, 40);
    CommandRun processed =
        CommandRun.in(
            temp,
            "process",
            song.toString(),
            "--out",
            store.toString(),
            "--track-id",
            "lic-1",
            "--formats",
            "mp3-320,flac");
    assertThat(processed.exitCode()).as(processed.all()).isZero();

    CommandRun granted =
        CommandRun.in(
            temp,
            "licence",
            "grant",
            "lic-1",
            "--licensee",
            "Acme Films",
            "--expires",
            "30d",
            "--territories",
            "gb,fr",
            "--out",
            store.toString());
    assertThat(granted.exitCode()).as(granted.all()).isZero();
    assertThat(granted.out()).contains("MP3_320,FLAC").contains("GB,FR").contains("token:");
    String licence = licenceIdIn(granted.out());

    Path mp3 = temp.resolve("delivered.mp3");
    CommandRun mp3Delivered =
        CommandRun.in(
            temp,
            "licence",
            "deliver",
            licence,
            "--format",
            "mp3-320",
            "--to",
            mp3.toString(),
            "--territory",
            "GB",
            "--out",
            store.toString());
    assertThat(mp3Delivered.exitCode()).as(mp3Delivered.all()).isZero();
    assertThat(mp3).isNotEmptyFile();
    Path flac = temp.resolve("delivered.flac");
    CommandRun flacDelivered =
        CommandRun.in(
            temp,
            "licence",
            "deliver",
            licence,
            "--format",
            "flac",
            "--to",
            flac.toString(),
            "--out",
            store.toString());
    assertThat(flacDelivered.exitCode()).as(flacDelivered.all()).isZero();
    assertThat(flac).isNotEmptyFile();

    CommandRun otherTerritory =
        CommandRun.in(
            temp,
            "licence",
            "deliver",
            licence,
            "--format",
            "flac",
            "--to",
            temp.resolve("us.flac").toString(),
            "--territory",
            "US",
            "--out",
            store.toString());
    assertThat(otherTerritory.exitCode()).as(otherTerritory.all()).isEqualTo(ExitCodes.REJECTED);
    assertThat(otherTerritory.err()).contains("covers GB,FR, not US");
    assertThat(temp.resolve("us.flac")).doesNotExist();

    Path leak =
        TestAudio.convert(
            mp3,
            temp.resolve("leak.mp3"),
            "-ss",
            "10",
            "-t",
            "15",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "128k");
    CommandRun traced = CommandRun.in(temp, "trace", leak.toString(), "--out", store.toString());
    assertThat(traced.exitCode()).as(traced.all()).isZero();
    assertThat(traced.out()).contains("track     lic-1").contains(licence).contains("Acme Films");

    CommandRun revoked =
        CommandRun.in(
            temp,
            "licence",
            "revoke",
            licence,
            "--reason",
            "payment reversed",
            "--out",
            store.toString());
    assertThat(revoked.exitCode()).as(revoked.all()).isZero();
    assertThat(revoked.out()).contains("revoked").contains("payment reversed");
    assertThat(store.resolve("licences/" + licence + "/copies"))
        .as("the revoked licence's copies are withdrawn")
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

    Path refusedFile = temp.resolve("after-revoke.mp3");
    CommandRun refused =
        CommandRun.in(
            temp,
            "licence",
            "deliver",
            licence,
            "--format",
            "mp3-320",
            "--to",
            refusedFile.toString(),
            "--out",
            store.toString());
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.REJECTED);
    assertThat(refused.err()).contains("revoked").contains("payment reversed");
    assertThat(refusedFile).doesNotExist();

    CommandRun intact = CommandRun.in(temp, "audit", "verify", "--out", store.toString());
    assertThat(intact.exitCode()).as(intact.all()).isZero();

    // Someone with the file (its owner can drop the append-only trigger) edits a delivery's row.
    LedgerSettings ledger = LedgerSettings.embedded(store.resolve(".ledger"));
    try (Connection db =
            DriverManager.getConnection(ledger.jdbcUrl(), ledger.user(), ledger.password());
        Statement sql = db.createStatement()) {
      sql.execute("DROP TRIGGER audit_log_append_only");
      assertThat(
              sql.executeUpdate("UPDATE audit_log SET actor = 'nobody' WHERE action = 'deliver'"))
          .isPositive();
    }
    CommandRun broken = CommandRun.in(temp, "audit", "verify", "--out", store.toString());
    assertThat(broken.exitCode()).as(broken.all()).isEqualTo(ExitCodes.FAILED);
    assertThat(broken.out()).contains("BROKEN");
  }

  @Test
  void aLicenceWhoseTermPassedWhileNoProcessRanIsExpiredByItsNextDelivery() throws Exception {
    Path store = temp.resolve("store");
    Path song = CatalogueCommandTest.music(temp, "song.wav", 32, 12);
    assertThat(
            CommandRun.in(
                    temp,
                    "process",
                    song.toString(),
                    "--out",
                    store.toString(),
                    "--track-id",
                    "lic-2",
                    "--formats",
                    "flac")
                .exitCode())
        .isZero();
    CommandRun granted =
        CommandRun.in(
            temp,
            "licence",
            "grant",
            "lic-2",
            "--licensee",
            "Brief Ltd",
            "--expires",
            "20s",
            "--out",
            store.toString());
    assertThat(granted.exitCode()).as(granted.all()).isZero();
    String licence = licenceIdIn(granted.out());
    Thread.sleep(21_000);

    Path file = temp.resolve("late.flac");
    CommandRun late =
        CommandRun.in(
            temp,
            "licence",
            "deliver",
            licence,
            "--format",
            "flac",
            "--to",
            file.toString(),
            "--out",
            store.toString());

    assertThat(late.exitCode()).as(late.all()).isEqualTo(ExitCodes.REJECTED);
    assertThat(late.err()).contains("expired").contains("term ended");
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnknownTrackOrLicenceIsNotFound() throws Exception {
    Path store = temp.resolve("store");
    Files.createDirectories(store);
    CommandRun noTrack =
        CommandRun.in(
            temp, "licence", "grant", "nope", "--licensee", "X", "--out", store.toString());
    assertThat(noTrack.exitCode()).as(noTrack.all()).isEqualTo(ExitCodes.NOT_FOUND);
    CommandRun noLicence =
        CommandRun.in(
            temp,
            "licence",
            "revoke",
            "0123456789abcdef0123456789abcd",
            "--reason",
            "x",
            "--out",
            store.toString());
    assertThat(noLicence.exitCode()).as(noLicence.all()).isEqualTo(ExitCodes.NOT_FOUND);
  }
}
