package com.audiostems.app.commands;

import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostems process FILE}: one track through the pipeline, in this process. */
@Command(
    name = "process",
    description = {
      "Run one track through the pipeline on embedded defaults.",
      "Imports FILE into the store, runs the track workflow with the worker pools in this process (on the"
          + " in-process Temporal server unless --temporal), shows progress and prints the summary.",
      "Exit codes: 0 published, 2 rejected (the file is the problem), 1 failed, 64 bad arguments, 66 no such file."
    })
final class ProcessCommand extends FileCommand {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where outputs and the manifest go (default: audiostems.storage.root)")
  Path outDir;

  @Option(
      names = "--formats",
      paramLabel = "LIST",
      split = ",",
      converter = OptionTypes.Formats.class,
      completionCandidates = OptionTypes.Formats.class,
      description = "comma-separated, of: ${COMPLETION-CANDIDATES} (default: all)")
  List<OutputFormat> formats;

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "use an existing Temporal server instead of the in-process one")
  String temporalTarget;

  @Option(
      names = "--track-id",
      paramLabel = "ID",
      converter = OptionTypes.TrackIds.class,
      description = "the track's id (letters, digits, '-', '_'); default: a new random id")
  String trackId;

  @Option(
      names = "--tier",
      paramLabel = "TIER",
      converter = OptionTypes.Tiers.class,
      completionCandidates = OptionTypes.Tiers.class,
      description =
          "reject the source unless the quality checks find it at least at TIER: ${COMPLETION-CANDIDATES} (default: no requirement)")
  QualityTier requiredTier;

  @Option(
      names = "--duplicates",
      paramLabel = "reject|link",
      converter = OptionTypes.DuplicatePolicies.class,
      description =
          "a recording the catalogue already publishes is rejected (reject) or published as an alternate version of"
              + " that track (link); default: audiostems.catalogue.duplicate-policy")
  DuplicatePolicy duplicatePolicy;

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    ProcessRunner.Request request =
        new ProcessRunner.Request(
            file,
            outDir,
            formats == null ? List.of() : List.copyOf(formats),
            temporalTarget,
            trackId,
            requiredTier,
            duplicatePolicy);
    return context.getBean(ProcessRunner.class).run(request, out, err);
  }
}
