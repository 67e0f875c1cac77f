package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsApplication;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that runs in a Spring context of its own, started only once its arguments are
 * understood: help and bad arguments never wait for Spring, and the options that stand for settings
 * (serve's {@code --data-dir}, worker's {@code --temporal}) are in the context from its start.
 */
abstract class SpringCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  /**
   * The settings that this command's options stand for; they win over every other source,
   * application.yml and {@code --audiostems.*} arguments included.
   */
  Map<String, Object> settings() {
    return Map.of();
  }

  /**
   * Checks the arguments that need no context (FILE, option combinations); throws before anything
   * starts.
   */
  void check() {}

  /** Runs the command in its context; returns its exit code. */
  abstract int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception;

  @Override
  public final Integer call() throws Exception {
    check();
    AudiostemsCommand root = (AudiostemsCommand) spec.root().userObject();
    try (ConfigurableApplicationContext context =
        AudiostemsApplication.start(root.springSettings().toArray(String[]::new), settings())) {
      return run(context, root.out(), root.err());
    }
  }

  /**
   * A bad argument: the message and this command's usage are printed, and it ends with {@link
   * ExitCodes#USAGE}.
   */
  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
