package com.audiostems.dsp.fingerprint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Opt-in on-disk cache of the evaluation's generated and transcoded audio, for tuning runs: with
 * {@code -Dfingerprint.audioCache=DIR} the synthesis and ffmpeg steps run once and later runs read
 * their output back. Without the property (CI) everything is computed afresh.
 */
final class AudioCache {

  private static final String PROPERTY = "fingerprint.audioCache";

  private AudioCache() {}

  static float[][] load(String name, Supplier<float[][]> compute) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      return compute.get();
    }
    Path file = Path.of(dir, name + ".f32");
    try {
      if (Files.exists(file)) {
        try (DataInputStream in =
            new DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
          float[][] out = new float[in.readInt()][];
          for (int i = 0; i < out.length; i++) {
            out[i] = new float[in.readInt()];
            for (int j = 0; j < out[i].length; j++) {
              out[i][j] = in.readFloat();
            }
          }
          return out;
        }
      }
      float[][] value = compute.get();
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), name, ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
        out.writeInt(value.length);
        for (float[] row : value) {
          out.writeInt(row.length);
          for (float v : row) {
            out.writeFloat(v);
          }
        }
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
