package com.audiostems.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * A command on one audio file, FILE: the one user path it opens, which must be an existing,
 * readable regular file (no directory, device or pipe). It is checked before the context starts.
 */
abstract class FileCommand extends SpringCommand {
  @Parameters(paramLabel = "FILE", description = "the audio file (any format ffmpeg reads)")
  Path file;

  /**
   * Makes FILE absolute and normalised; throws {@link NotReadable} (exit code 66) when it cannot be
   * read.
   */
  @Override
  void check() {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
      throw new NotReadable(
          "cannot read " + absolute + ": not an existing, readable regular file.");
    }
    file = absolute;
  }

  /** FILE cannot be read; the command ends with {@link ExitCodes#NO_INPUT}. */
  static final class NotReadable extends RuntimeException {
    NotReadable(String message) {
      super(message);
    }
  }
}
