package com.audiostems.workflows.licence;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Licence ids: 15 random bytes as 30 lower-case hex digits. Fifteen bytes, because a delivered
 * copy's watermark payload is one kind byte and then the licence id itself ({@link
 * LicencePayloads}): the mark names the licence with no lookup that could be lost.
 */
public final class LicenceIds {
  private static final Pattern LICENCE_ID = Pattern.compile("[0-9a-f]{30}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private LicenceIds() {}

  /** A new id; not for workflow code (random), which receives its id in {@link LicenceGrant}. */
  public static String newId() {
    byte[] id = new byte[15];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  public static boolean isLicenceId(String licenceId) {
    return licenceId != null && LICENCE_ID.matcher(licenceId).matches();
  }
}
