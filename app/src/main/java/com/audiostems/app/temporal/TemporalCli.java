package com.audiostems.app.temporal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Temporal CLI whose dev server {@code serve} runs. We never let the SDK download one: a
 * binary fetched at run time is one nobody vetted, and most of our hosts are offline anyway.
 */
public final class TemporalCli {
  public static final String INSTALL =
      "bin/install-temporal (the CLI v1.5.1 built with the SQLite driver v1.44.3, whose dev server"
          + " does not wedge under load; it lands in $HOME/.cache/audiostems/bin/temporal), or go"
          + " install github.com/temporalio/cli/cmd/temporal@v1.5.1 (into $HOME/go/bin/temporal)";

  /** Where bin/install-temporal links its build, under the user's home. */
  static final String PROJECT_BUILD = ".cache/audiostems/bin/temporal";

  private TemporalCli() {}

  /**
   * The CLI as this process sees it: the configured path, the project's own build (bin/install-
   * temporal), PATH, then {@code $HOME/go/bin}. The project's build comes before PATH because the
   * stock v1.5.1's dev server can wedge for good under load (see bin/install-temporal).
   */
  public static Optional<Path> locate(String configuredPath) {
    return locate(configuredPath, System.getenv("PATH"), Path.of(System.getProperty("user.home")));
  }

  /**
   * @param configuredPath {@code audiostems.temporal.cli-path}; when set it must name an
   *     executable: a wrong setting fails rather than quietly running something else
   * @param searchPath the PATH to look through, may be null
   * @param home the user's home, for the project's build and {@code go install}'s default {@code
   *     $HOME/go/bin}
   */
  static Optional<Path> locate(String configuredPath, String searchPath, Path home) {
    if (configuredPath != null && !configuredPath.isBlank()) {
      Path configured = Path.of(configuredPath).toAbsolutePath().normalize();
      if (!isExecutableFile(configured)) {
        throw new IllegalStateException(
            "audiostems.temporal.cli-path="
                + configuredPath
                + " is not an executable file; install the CLI with "
                + INSTALL);
      }
      return Optional.of(configured);
    }
    Path projectBuild = home.resolve(PROJECT_BUILD);
    if (isExecutableFile(projectBuild)) {
      return Optional.of(projectBuild.toAbsolutePath());
    }
    if (searchPath != null) {
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (!dir.isBlank() && isExecutableFile(Path.of(dir, "temporal"))) {
          return Optional.of(Path.of(dir, "temporal").toAbsolutePath());
        }
      }
    }
    Path goBin = home.resolve("go/bin/temporal");
    return isExecutableFile(goBin) ? Optional.of(goBin.toAbsolutePath()) : Optional.empty();
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
