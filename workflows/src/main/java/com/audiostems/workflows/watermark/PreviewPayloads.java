package com.audiostems.workflows.watermark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The 128-bit payload a preview's mark carries, as 32 hex digits:
 *
 * <pre>
 *   byte 0      kind: 0x01 = a preview delivered for browsing
 *   byte 1      layout of the rest: 0x01 = the track-id digest below
 *   bytes 2..15 the first 14 bytes of SHA-256("audiostems-track:" + trackId)
 * </pre>
 *
 * <p>112 bits of digest make two tracks' payloads collide only after some 10^16 tracks, so the
 * payload names one track; the track id itself cannot be read back out of it, which is why the
 * registry ({@link WatermarkRegistration}) maps payload ids to tracks. The payload depends on the
 * track alone (not on the version or the key), so the workflow knows it before encoding and can
 * register the registry object's deletion before anything is written; a re-processed preview
 * carries the same payload.
 */
public final class PreviewPayloads {
  /** The kind byte of a preview's payload. */
  public static final int KIND_PREVIEW = 0x01;

  /** The layout byte: the rest is a digest of the track id. */
  public static final int LAYOUT_TRACK_DIGEST = 0x01;

  private static final Pattern PAYLOAD_ID = Pattern.compile("[0-9a-f]{32}");

  private PreviewPayloads() {}

  /** The payload id (32 lower-case hex digits) of the preview of {@code trackId}. */
  public static String forTrack(String trackId) {
    byte[] payload = new byte[16];
    payload[0] = (byte) KIND_PREVIEW;
    payload[1] = (byte) LAYOUT_TRACK_DIGEST;
    System.arraycopy(sha256("audiostems-track:" + trackId), 0, payload, 2, 14);
    return HexFormat.of().formatHex(payload);
  }

  /**
   * Whether {@code payloadId} is 32 lower-case hex digits: the only form that names a registry
   * object.
   */
  public static boolean isPayloadId(String payloadId) {
    return payloadId != null && PAYLOAD_ID.matcher(payloadId).matches();
  }

  /**
   * "preview", "licence" (a licensee's delivered copy, {@link
   * com.audiostems.workflows.licence.LicencePayloads}), or "unknown (0x..)" for a payload some
   * other kind of mark carries.
   */
  public static String kindOf(String payloadId) {
    int kind = HexFormat.fromHexDigits(payloadId, 0, 2);
    return switch (kind) {
      case KIND_PREVIEW -> "preview";
      case com.audiostems.workflows.licence.LicencePayloads.KIND_LICENCE -> "licence";
      default -> String.format("unknown (0x%02x)", kind);
    };
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
