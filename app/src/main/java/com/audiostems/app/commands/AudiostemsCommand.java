package com.audiostems.app.commands;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code audiostems} command: its subcommands, and how a command line becomes an exit code. */
@Command(
    name = "audiostems",
    description =
        "The AudioStems pipeline: ingest, encode, analyse, watermark and identify tracks.",
    subcommands = {
      ProcessCommand.class,
      ServeCommand.class,
      WorkerCommand.class,
      GatewayCommand.class,
      IdentifyCommand.class,
      TraceCommand.class,
      LicenceCommand.class,
      ReferenceCommand.class,
      WatermarkCommand.class,
      AuditCommand.class,
      AnalyticsCommand.class,
      HelpCommand.class
    },
    footerHeading = "%n",
    footer = {
      "'audiostems COMMAND --help' shows a command's options and what it does.",
      "Every command also takes settings: --audiostems.NAME=VALUE (any setting",
      "of application.yml, e.g. --audiostems.storage.root=/srv/audio), --spring.*",
      "and --logging.*.",
      "",
      "Exit codes: 0 done (published, found, added), 1 failed, 2 rejected (the file is",
      "the problem), 3 not found (identify, trace, watermark detect), 64 bad arguments,",
      "66 FILE is not an existing, readable regular file."
    })
public final class AudiostemsCommand implements Callable<Integer> {
  /** The words Spring Boot applies itself, as settings: the commands never see them. */
  private static final List<String> SPRING_SETTING_PREFIXES =
      List.of("--audiostems.", "--spring.", "--logging.");

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  private final List<String> springSettings;
  private final PrintStream out;
  private final PrintStream err;

  private AudiostemsCommand(List<String> springSettings, PrintStream out, PrintStream err) {
    this.springSettings = springSettings;
    this.out = out;
    this.err = err;
  }

  /** Runs the command of {@code args} and returns its exit code ({@link ExitCodes}). */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments = Arguments.of(args);
    CommandLine commandLine = commandLine(arguments.springSettings(), out, err);
    try {
      return commandLine.execute(arguments.command().toArray(String[]::new));
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }

  /** The words of a command line: the command's own, and the Spring settings among them. */
  record Arguments(List<String> command, List<String> springSettings) {
    static Arguments of(String[] args) {
      List<String> command = new ArrayList<>();
      List<String> settings = new ArrayList<>();
      for (String arg : args) {
        (SPRING_SETTING_PREFIXES.stream().anyMatch(arg::startsWith) ? settings : command).add(arg);
      }
      return new Arguments(List.copyOf(command), List.copyOf(settings));
    }
  }

  /** The parser of every command, printing to {@code out} and {@code err}, with our exit codes. */
  static CommandLine commandLine(List<String> springSettings, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new AudiostemsCommand(springSettings, out, err));
    commandLine.setOut(new PrintWriter(out, true, out.charset()));
    commandLine.setErr(new PrintWriter(err, true, err.charset()));
    // As the hand-written parsers did: a repeated option's last value counts.
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setParameterExceptionHandler(AudiostemsCommand::usageError);
    commandLine.setExecutionExceptionHandler(AudiostemsCommand::commandFailure);
    return commandLine;
  }

  /** Without a command: the list of commands, as a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing COMMAND");
  }

  List<String> springSettings() {
    return springSettings;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /**
   * A bad argument: what is wrong, what was perhaps meant, and the usage of the command it was
   * given to.
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("audiostems: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    command.usage(err);
    return ExitCodes.USAGE;
  }

  /**
   * FILE that cannot be read ends the command with its own code; any other failure goes on to
   * picocli (trace, exit 1).
   */
  private static int commandFailure(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof FileCommand.NotReadable notReadable) {
      command.getErr().println("audiostems: " + notReadable.getMessage());
      return ExitCodes.NO_INPUT;
    }
    throw e;
  }
}
