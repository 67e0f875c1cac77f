package com.audiostems.licensing;

import com.audiostems.licensing.LicenceTokenException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Licence tokens sealed with AES-256-GCM (JCA). A token is base64url, unpadded, of
 *
 * <pre>
 *   byte 0          version (1)
 *   byte 1          n, the length of the key id
 *   bytes 2..n+1    the key id (ASCII)
 *   next 12 bytes   the nonce (96 random bits, fresh for every token)
 *   the rest        the claims, encrypted, then GCM's 128-bit tag
 * </pre>
 *
 * <p>The version and key id travel in clear, so that the ring can pick the key, and are
 * authenticated as GCM's additional data: a token whose key id was swapped for another key's does
 * not open. Random 96-bit nonces stay safe for about 2^32 tokens per key (NIST SP 800-38D, 8.3):
 * rotate the key long before that.
 */
public final class AesGcmLicenceTokens implements LicenceTokens {
  static final byte VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final LicenceKeyring keyring;
  private final SecureRandom random = new SecureRandom();

  public AesGcmLicenceTokens(LicenceKeyring keyring) {
    this.keyring = keyring;
  }

  @Override
  public String issue(LicenceTokenClaims claims) {
    String keyId = keyring.currentId();
    byte[] header = header(keyId);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keyring.current(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      sealed = cipher.doFinal(ClaimsCodec.encode(claims));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
    byte[] token =
        ByteBuffer.allocate(header.length + nonce.length + sealed.length)
            .put(header)
            .put(nonce)
            .put(sealed)
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  @Override
  public LicenceTokenClaims open(String token) throws LicenceTokenException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token == null ? "" : token.strip());
    } catch (IllegalArgumentException e) {
      throw new LicenceTokenException(Reason.MALFORMED, "The licence token is not base64url.");
    }
    if (bytes.length < 2 || bytes[0] != VERSION) {
      throw new LicenceTokenException(
          Reason.MALFORMED, "The licence token is not a version-" + VERSION + " licence token.");
    }
    int keyIdLength = Byte.toUnsignedInt(bytes[1]);
    int headerLength = 2 + keyIdLength;
    if (bytes.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new LicenceTokenException(Reason.MALFORMED, "The licence token is too short.");
    }
    String keyId = new String(bytes, 2, keyIdLength, StandardCharsets.US_ASCII);
    if (!LicenceKeyring.isKeyId(keyId)) {
      throw new LicenceTokenException(
          Reason.MALFORMED, "The licence token's key id is not a key id.");
    }
    SecretKey key =
        keyring
            .key(keyId)
            .orElseThrow(
                () ->
                    new LicenceTokenException(
                        Reason.UNKNOWN_KEY,
                        "The licence token was sealed with key '"
                            + keyId
                            + "', which this deployment does not hold (retired, or never ours);"
                            + " ask for a new token."));
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, bytes, headerLength, NONCE_BYTES));
      cipher.updateAAD(bytes, 0, headerLength);
      int sealedAt = headerLength + NONCE_BYTES;
      plain = cipher.doFinal(bytes, sealedAt, bytes.length - sealedAt);
    } catch (AEADBadTagException e) {
      throw new LicenceTokenException(
          Reason.TAMPERED, "The licence token does not authenticate: it was changed.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
    try {
      return ClaimsCodec.decode(plain, keyId);
    } catch (IOException | RuntimeException e) {
      // Authentic but unreadable: sealed by a build that wrote the claims another way.
      throw new LicenceTokenException(
          Reason.MALFORMED, "The licence token's claims cannot be read by this version.");
    }
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  /**
   * The claims in a compact binary form: length-prefixed UTF-8 strings, the formats' count, the end
   * in epoch milliseconds. The key id is not repeated: it is the header's.
   */
  static final class ClaimsCodec {
    private ClaimsCodec() {}

    static byte[] encode(LicenceTokenClaims claims) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(require(claims.licenceId(), "licenceId"));
        out.writeUTF(require(claims.licensee(), "licensee"));
        out.writeUTF(require(claims.trackId(), "trackId"));
        out.writeShort(claims.formats().size());
        for (String format : claims.formats()) {
          out.writeUTF(require(format, "formats[]"));
        }
        if (claims.endsAt() == null) {
          throw new IllegalArgumentException("A licence token needs the licence's endsAt.");
        }
        out.writeLong(claims.endsAt().toEpochMilli());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    static LicenceTokenClaims decode(byte[] plain, String keyId) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
      String licenceId = in.readUTF();
      String licensee = in.readUTF();
      String trackId = in.readUTF();
      int formatCount = in.readUnsignedShort();
      List<String> formats = new ArrayList<>(formatCount);
      for (int i = 0; i < formatCount; i++) {
        formats.add(in.readUTF());
      }
      Instant endsAt = Instant.ofEpochMilli(in.readLong());
      if (in.available() != 0) {
        throw new IOException("trailing bytes");
      }
      return new LicenceTokenClaims(licenceId, licensee, trackId, formats, endsAt, keyId);
    }

    private static String require(String value, String name) {
      if (value == null) {
        throw new IllegalArgumentException("A licence token needs its " + name + ".");
      }
      return value;
    }
  }
}
