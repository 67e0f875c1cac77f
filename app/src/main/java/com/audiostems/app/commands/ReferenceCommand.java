package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostems reference add}: the reference works, third parties' recordings that hold a
 * matching ingest.
 */
@Command(
    name = "reference",
    description =
        "Add a third party's recording to the reference works: reference add FILE --id ID.",
    subcommands = ReferenceCommand.Add.class)
final class ReferenceCommand {
  @Mixin HelpOption help;

  /** {@code audiostems reference add FILE --id ID}: directly on the catalogue's directory. */
  @Command(
      name = "add",
      description = {
        "Add a third party's recording to the reference works.",
        "An ingest that matches it is held for an operator's review. Runs here, on the catalogue's directory,"
            + " which must be free (no serve running on it)."
      })
  static final class Add extends FileCommand {
    @Option(
        names = "--id",
        required = true,
        paramLabel = "ID",
        converter = OptionTypes.ReferenceIds.class,
        description = "the reference work's id (letters, digits, '-', '_')")
    String id;

    @Option(
        names = "--title",
        paramLabel = "TITLE",
        description = "its human name, shown with a match")
    String title;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "the store whose catalogue to add to (default: audiostems.storage.root)")
    Path outDir;

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context.getBean(IdentifyRunner.class).addReference(file, id, title, outDir, out, err);
    }
  }
}
