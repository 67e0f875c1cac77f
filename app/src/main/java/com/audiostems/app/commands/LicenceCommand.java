package com.audiostems.app.commands;

import com.audiostems.app.licence.LicenceEnd;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.media.OutputFormat;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audiostems licence grant|deliver|revoke|extend}: the licensing desk on the embedded
 * defaults, on the store {@code process --out} wrote.
 */
@Command(
    name = "licence",
    description =
        "Grant a licence to a track, deliver its licensee's marked copies, revoke or extend it.",
    subcommands = {
      LicenceCommand.Grant.class,
      LicenceCommand.Deliver.class,
      LicenceCommand.Revoke.class,
      LicenceCommand.Extend.class
    })
final class LicenceCommand {
  @Mixin HelpOption help;

  /** The store option every licence command takes. */
  abstract static class OnStore extends SpringCommand {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "the store process --out wrote, with its ledger (default: audiostems.storage.root)")
    Path outDir;
  }

  /** A command on one licence, by id. */
  abstract static class OnLicence extends OnStore {
    @Parameters(paramLabel = "LICENCE_ID", description = "the licence (30 hex digits)")
    String licenceId;

    @Override
    void check() {
      if (!LicenceIds.isLicenceId(licenceId)) {
        throw usageError(
            "'" + licenceId + "' is not a licence id: 30 lower-case hex digits, as grant printed.");
      }
    }
  }

  @Command(
      name = "grant",
      description = {
        "Grant a licence to a published track; prints the licence id and the licensee's token.",
        "The licence's term starts now and ends at --expires; its timer expires it then.",
        "Exit codes: 0 granted, 3 no such track, 2 refused (a format the track lacks, bad terms), 1 failed,"
            + " 64 bad arguments."
      })
  static final class Grant extends OnStore {
    @Parameters(
        paramLabel = "TRACK_ID",
        converter = OptionTypes.TrackIds.class,
        description = "the published track")
    String trackId;

    @Option(
        names = "--licensee",
        required = true,
        paramLabel = "NAME",
        description = "who the licence is for")
    String licensee;

    @Option(
        names = "--formats",
        split = ",",
        paramLabel = "LIST",
        converter = OptionTypes.Formats.class,
        description =
            "the deliverable formats granted, e.g. mp3-320,flac (default: every one the track has)")
    List<OutputFormat> formats = List.of();

    @Option(
        names = "--expires",
        paramLabel = "DURATION|DATE",
        description =
            "the end of the term: 30d, 12h, P365D, a date (2027-06-30, covered whole) or an instant"
                + " (default: 365d)")
    String expires = "365d";

    @Option(
        names = "--territories",
        split = ",",
        paramLabel = "LIST",
        description = "ISO 3166-1 alpha-2 codes, e.g. GB,FR (default: WORLD)")
    List<String> territories = List.of();

    @Option(
        names = "--fee",
        paramLabel = "MINOR_UNITS",
        description =
            "the fee in the currency's minor units, e.g. 150000 for 1,500.00 (default: 0)")
    long feeMinorUnits;

    @Option(
        names = "--currency",
        paramLabel = "ISO4217",
        description = "the fee's currency (default: EUR)")
    String currency = "EUR";

    @Option(
        names = "--usage",
        paramLabel = "TYPE",
        description = "what the licensee may do: sync, broadcast, online, ad... (default: online)")
    String usageType = "online";

    private LicenceEnd end;

    @Override
    void check() {
      if (licensee.isBlank()) {
        throw usageError("--licensee needs a name.");
      }
      try {
        end = LicenceEnd.parse(expires);
      } catch (IllegalArgumentException e) {
        throw usageError("--expires: " + e.getMessage());
      }
      territories = territories.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context
          .getBean(LicenceRunner.class)
          .grant(
              new LicenceRunner.GrantRequest(
                  trackId,
                  licensee.trim(),
                  formats,
                  end,
                  territories,
                  feeMinorUnits,
                  currency.trim().toUpperCase(Locale.ROOT),
                  usageType.trim(),
                  outDir),
              out,
              err);
    }
  }

  @Command(
      name = "deliver",
      description = {
        "Deliver a licensee's copy of one format: marked with the licence's invisible watermark.",
        "Made once per licence and format (from the master, marked, encoded with the published output's"
            + " settings) and written to --to; refused, writing nothing, when the licence has ended, has not"
            + " started, or does not grant the format or --territory.",
        "Exit codes: 0 delivered, 3 no such licence, 2 refused, 1 failed, 64 bad arguments."
      })
  static final class Deliver extends OnLicence {
    @Option(
        names = "--format",
        required = true,
        paramLabel = "FORMAT",
        converter = OptionTypes.Formats.class,
        description = "the format, e.g. mp3-320, flac")
    OutputFormat format;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "FILE",
        description = "where to write the copy")
    Path to;

    @Option(
        names = "--territory",
        paramLabel = "CODE",
        description =
            "where the licensee uses it (ISO 3166-1 alpha-2), checked against the licence")
    String territory;

    @Override
    void check() {
      super.check();
      Path target = to.toAbsolutePath().normalize();
      if (Files.isDirectory(target)
          || target.getParent() == null
          || !Files.isDirectory(target.getParent())) {
        throw usageError("--to " + to + ": give a file name in an existing directory.");
      }
      to = target;
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context
          .getBean(LicenceRunner.class)
          .deliver(licenceId, format, to, territory, outDir, out, err);
    }
  }

  @Command(
      name = "revoke",
      description = {
        "Revoke a licence: its deliveries are refused from now on and its copies withdrawn.",
        "Exit codes: 0 revoked, 3 no such licence, 2 it had already ended, 1 failed, 64 bad arguments."
      })
  static final class Revoke extends OnLicence {
    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "why, in a sentence the licensee will read")
    String reason;

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context.getBean(LicenceRunner.class).revoke(licenceId, reason, outDir, out, err);
    }
  }

  @Command(
      name = "extend",
      description = {
        "Move a licence's end later.",
        "Exit codes: 0 extended, 3 no such licence, 2 refused (ended, or not later than now), 1 failed,"
            + " 64 bad arguments."
      })
  static final class Extend extends OnLicence {
    @Option(
        names = "--expires",
        required = true,
        paramLabel = "DURATION|DATE",
        description = "the new end: 30d (from now), a date or an instant; after the current end")
    String expires;

    private LicenceEnd end;

    @Override
    void check() {
      super.check();
      try {
        end = LicenceEnd.parse(expires);
      } catch (IllegalArgumentException e) {
        throw usageError("--expires: " + e.getMessage());
      }
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
        throws Exception {
      return context.getBean(LicenceRunner.class).extend(licenceId, end, outDir, out, err);
    }
  }
}
