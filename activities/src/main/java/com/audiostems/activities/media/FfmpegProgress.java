package com.audiostems.activities.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads what ffmpeg writes with {@code -progress pipe:1}: blocks of {@code key=value} lines, each
 * closed by {@code progress=continue} (or {@code progress=end} for the last one).
 */
public final class FfmpegProgress {
  private FfmpegProgress() {}

  /**
   * Reads to the end of the stream, handing the output time of each block to {@code outTimeMicros}
   * as the block closes. An exception from the consumer stops reading and propagates.
   *
   * @return the output time in microseconds of the last block that had one; 0 when none did
   */
  public static long read(InputStream progress, LongConsumer outTimeMicros) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(progress, StandardCharsets.US_ASCII));
    long latest = 0;
    boolean seen = false;
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.startsWith("out_time_us=")) {
        long value = parse(line.substring("out_time_us=".length()));
        if (value >= 0) {
          latest = value;
          seen = true;
        }
      } else if (line.startsWith("progress=") && seen) {
        outTimeMicros.accept(latest);
      }
    }
    return latest;
  }

  /** "N/A" before the first frame, and negative while an output starts before zero. */
  private static long parse(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
