package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audiostems identify FILE}: where a track or an excerpt occurs in the catalogue and the
 * reference works.
 */
@Command(
    name = "identify",
    description = {
      "Find where a track or an excerpt occurs in the catalogue and the reference works.",
      "Finds where FILE (a whole track or an excerpt of 5 s or more) occurs among the catalogue's published tracks"
          + " and its reference works.",
      "Exit codes: 0 found, 3 not found, 2 rejected (the file is the problem), 1 failed, 64 bad arguments, 66 no such file."
    })
final class IdentifyCommand extends FileCommand {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "the store whose catalogue to search (default: audiostems.storage.root)")
  Path outDir;

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "ask a running server's catalogue worker instead of this process")
  String temporalTarget;

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    return context.getBean(IdentifyRunner.class).identify(file, outDir, temporalTarget, out, err);
  }
}
