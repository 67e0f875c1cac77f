package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The existing Temporal server that {@code worker} and {@code gateway} work against: options that
 * stand for settings.
 */
final class ServerOptions {
  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "the server (default: audiostems.temporal.target)")
  String target;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "the namespace of the track workflows (default: audiostems.temporal.namespace)")
  String namespace;

  /** The settings that the given options stand for. */
  Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>();
    if (target != null) {
      settings.put("audiostems.temporal.target", target);
    }
    if (namespace != null) {
      settings.put("audiostems.temporal.namespace", namespace);
    }
    return settings;
  }

  /**
   * The server may come from --temporal or from the configuration; with neither, {@code command}
   * cannot run.
   */
  static void requireServer(ConfigurableApplicationContext context, CommandSpec command) {
    if (!context.getBean(AudiostemsProperties.class).temporal().hasTarget()) {
      throw new ParameterException(
          command.commandLine(),
          command.name() + " needs --temporal HOST:PORT (or audiostems.temporal.target)");
    }
  }
}
