package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiostems watermark detect}: the invisible watermark of the previews. */
@Command(
    name = "watermark",
    description =
        "Look for the preview watermark in a file and name its track: watermark detect FILE.",
    subcommands = WatermarkCommand.Detect.class)
final class WatermarkCommand {
  @Mixin HelpOption help;

  /** {@code audiostems watermark detect FILE [--store DIR]}. */
  @Command(
      name = "detect",
      description = {
        "Look for the preview watermark in a file and name its track.",
        "Decodes FILE (any format ffmpeg reads), looks for the invisible watermark with every configured key"
            + " (audiostems.watermark.keys, and the generated key of a local deployment) and prints the payload, the key,"
            + " the track the local store's registry names, and where along the file the mark is present.",
        "Exit codes: 0 found, 3 no mark found, 2 not decodable audio, 1 failed, 64 bad arguments, 66 no such file."
      })
  static final class Detect extends FileCommand {
    @Option(
        names = "--store",
        paramLabel = "DIR",
        description =
            "the local store whose registry resolves the payload (default: audiostems.storage.root)")
    Path storeRoot;

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context.getBean(WatermarkRunner.class).run(file, storeRoot, out, err);
    }
  }
}
