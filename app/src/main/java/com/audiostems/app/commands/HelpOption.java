package com.audiostems.app.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} and the help text every command shares: mixed into each of them. */
@Command(
    synopsisHeading = "usage: ",
    sortOptions = false,
    sortSynopsis = false,
    footerHeading = "%nSettings:%n",
    footer = {
      "  --audiostems.NAME=VALUE anywhere on the line sets that setting of",
      "  application.yml for this run (e.g. --audiostems.storage.root=/srv/audio);",
      "  so do --spring.* and --logging.*, and environment variables",
      "  (AUDIOSTEMS_STORAGE_ROOT). The command's own options win over them."
    })
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean requested;
}
