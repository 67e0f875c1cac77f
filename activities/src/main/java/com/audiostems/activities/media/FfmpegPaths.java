package com.audiostems.activities.media;

import java.nio.file.Path;

/** How local files are named to ffmpeg and ffprobe. */
public final class FfmpegPaths {
  private FfmpegPaths() {}

  /**
   * "file:" plus the absolute path: ffmpeg reads a name such as {@code x:y.wav} as protocol {@code
   * x}, and a relative name starting with '-' as an option; this form is neither.
   */
  public static String fileUrl(Path file) {
    return "file:" + file.toAbsolutePath().normalize();
  }
}
