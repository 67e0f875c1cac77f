package com.audiostems.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The SHA-256 of an audit row: over a canonical encoding of its sequence, time, action, actor,
 * licence, track, detail and the previous row's hash. Each field is length-prefixed and a null is
 * distinct from an empty string, so no two different rows share an encoding; the time counts in
 * microseconds since the epoch, the precision both databases keep.
 */
final class AuditHash {
  /** The first row's {@code previousSha256}. */
  static final String GENESIS = "0".repeat(64);

  private static final byte[] DOMAIN = "audiostems-audit-v1".getBytes(StandardCharsets.UTF_8);

  private AuditHash() {}

  /** An instant as the database stores it: whole microseconds. */
  static Instant storedPrecision(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  static String of(long sequence, AuditEvent event, String previousSha256) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(DOMAIN);
      out.writeLong(sequence);
      out.writeLong(epochMicros(event.at()));
      field(out, event.action());
      field(out, event.actor());
      field(out, event.licenceId());
      field(out, event.trackId());
      field(out, event.detail());
      field(out, previousSha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
  }

  private static long epochMicros(Instant at) {
    return Math.addExact(
        Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
  }

  private static void field(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeByte(0);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeByte(1);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
