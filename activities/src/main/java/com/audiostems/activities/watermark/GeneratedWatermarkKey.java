package com.audiostems.activities.watermark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watermark key generated once for a deployment without configured keys, kept in a file that
 * only its owner can read (0600) as {@code id=...} and {@code secret=...} (base64). It is made
 * beside the data the deployment keeps, so that every later run marks and detects with the same
 * key. Only the key id is ever logged.
 */
public final class GeneratedWatermarkKey {
  private static final Logger log = LoggerFactory.getLogger(GeneratedWatermarkKey.class);
  private static final int SECRET_BYTES = 32;

  private GeneratedWatermarkKey() {}

  /** The key kept in {@code file}, if there is one. */
  public static Optional<WatermarkKeyring.KeyEntry> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties kept = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      kept.load(in);
    }
    String id = kept.getProperty("id");
    String secret = kept.getProperty("secret");
    if (id == null || secret == null) {
      throw new IllegalArgumentException(
          "The generated watermark key file " + file + " has no id or secret; restore it from a backup, or configure "
              + WatermarkProperties.PREFIX + "keys (previews marked with the lost key can no longer be read)");
    }
    return Optional.of(new WatermarkKeyring.KeyEntry(id.strip(), secret.strip()));
  }

  /** The key kept in {@code file}, generated and kept there first if there is none. */
  public static WatermarkKeyring.KeyEntry readOrCreate(Path file) throws IOException {
    Optional<WatermarkKeyring.KeyEntry> kept = read(file);
    if (kept.isPresent()) {
      log.info("Watermark key {} (generated, kept in {})", kept.get().id(), file);
      return kept.get();
    }
    SecureRandom random = new SecureRandom();
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    String id = "local-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
    String text =
        "# The watermark key of this deployment, generated once. Keep it secret and keep a backup:\n"
            + "# previews marked with it can only be read with it.\n"
            + "id=" + id + "\nsecret=" + Base64.getEncoder().encodeToString(secret) + "\n";
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Written under another name with owner-only permissions from the start, then moved in place:
    // no reader ever sees a half-written or world-readable key.
    Path partial =
        Files.createTempFile(
            dir, ".watermark-key-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(partial, text);
      try {
        // A hard link appears atomically and never replaces: of two processes generating at once,
        // the second finds the first one's key.
        Files.createLink(file, partial);
      } catch (FileAlreadyExistsException e) {
        // another process of this deployment generated one first: use it
      } catch (UnsupportedOperationException e) {
        Files.move(partial, file);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
    WatermarkKeyring.KeyEntry made = read(file).orElseThrow();
    log.info("Watermark key {} generated and kept in {} (owner-only); back it up", made.id(), file);
    return made;
  }
}
