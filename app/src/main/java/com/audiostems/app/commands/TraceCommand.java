package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostems trace FILE}: which track a found file is, and whose copy it was. */
@Command(
    name = "trace",
    description = {
      "Trace a leaked file: which track it is and whose copy it was.",
      "Identifies FILE (a whole track or an excerpt of 5 s or more, in any format ffmpeg reads) against the"
          + " catalogue by its fingerprint, and reads its invisible watermark: the licence and licensee of a"
          + " delivered copy, or the track of a preview; both with time ranges.",
      "Exit codes: 0 found, 3 neither the track nor a mark found, 2 rejected (the file is the problem), 1 failed,"
          + " 64 bad arguments, 66 no such file."
    })
final class TraceCommand extends FileCommand {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "the store whose catalogue and watermark registry to read (default: audiostems.storage.root)")
  Path outDir;

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "ask a running server's workers instead of this process")
  String temporalTarget;

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    return context.getBean(TraceRunner.class).trace(file, outDir, temporalTarget, out, err);
  }
}
