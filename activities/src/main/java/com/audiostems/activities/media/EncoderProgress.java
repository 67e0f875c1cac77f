package com.audiostems.activities.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleConsumer;

/**
 * Reads the {@code key=value} lines ffmpeg writes with {@code -progress pipe:1} and reports how far
 * the encode has come as a fraction of the source's duration, ending with 1.0 at
 * {@code progress=end}.
 *
 * <p>{@code out_time_us} is the position of the furthest output. ffmpeg 5.1 also prints
 * {@code out_time_ms}, which despite its name holds microseconds too (a long-standing ffmpeg quirk),
 * so both are read as microseconds. The position can run a little past the source (MP3 padding)
 * or start below zero (encoder priming); it is clamped to 0..1.
 */
final class EncoderProgress implements MediaProcessRunner.StdoutConsumer {
  private final double sourceSeconds;
  private final DoubleConsumer fraction;

  /**
   * @param sourceSeconds the source's duration; when unknown (0 or less) only the end is reported
   * @param fraction receives 0..1; what it throws propagates, which stops the encode
   */
  EncoderProgress(double sourceSeconds, DoubleConsumer fraction) {
    this.sourceSeconds = sourceSeconds;
    this.fraction = fraction;
  }

  @Override
  public void consume(InputStream stdout) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null; ) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case "out_time_us", "out_time_ms" -> reportPosition(value);
        case "progress" -> {
          if (value.equals("end")) {
            fraction.accept(1.0);
          }
        }
        default -> {}
      }
    }
  }

  private void reportPosition(String microseconds) {
    if (sourceSeconds <= 0) {
      return;
    }
    long us;
    try {
      us = Long.parseLong(microseconds);
    } catch (NumberFormatException e) {
      return; // "N/A" before the first packet is written
    }
    fraction.accept(Math.max(0, Math.min(1, us / 1e6 / sourceSeconds)));
  }
}
