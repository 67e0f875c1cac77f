package com.audiostems.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The {@code audiostems} command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AudiostemsApplication {

  static final String USAGE =
      """
      usage: audiostems COMMAND [ARGS]
        process FILE   run one track through the pipeline on embedded defaults
        serve          run a Temporal dev server (web UI, SQLite) with the CPU worker pool and the REST API
        worker         run a worker pool against an existing Temporal server
        identify FILE  find where a track or an excerpt occurs in the catalogue and the reference works
        reference add FILE --id ID   add a third party's recording to the reference works
        watermark detect FILE   look for the preview watermark in a file and name its track

      """
          + ProcessOptions.USAGE
          + ServeOptions.USAGE
          + WorkerOptions.USAGE
          + GatewayOptions.USAGE
          + IdentifyOptions.USAGE
          + WatermarkOptions.USAGE;

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      out.print(USAGE);
      return args.length == 0 ? ProcessCommand.USAGE : 0;
    }
    if (!List.of("process", "serve", "worker", "gateway", "identify", "reference", "watermark").contains(args[0])) {
      err.print("audiostems: unknown command '" + args[0] + "'\n" + USAGE);
      return ProcessCommand.USAGE;
    }
    Invocation invocation;
    try {
      invocation = parse(args[0], Arrays.asList(args).subList(1, args.length), out, err);
    } catch (IllegalArgumentException e) {
      err.print("audiostems: " + e.getMessage() + "\n" + usageOf(args[0]));
      return ProcessCommand.USAGE;
    }
    try (ConfigurableApplicationContext context = start(args, invocation.flagSettings())) {
      return invocation.command().run(context);
    }
  }

  /** A command whose arguments are understood, ready to run in its Spring context. */
  private record Invocation(Map<String, Object> flagSettings, Command command) {}

  private interface Command {
    int run(ConfigurableApplicationContext context) throws Exception;
  }

  /** Understands the arguments before anything starts; throws IllegalArgumentException on a usage error. */
  private static Invocation parse(String command, List<String> args, PrintStream out, PrintStream err) {
    return switch (command) {
      case "serve" -> {
        ServeOptions options = ServeOptions.parse(args);
        yield new Invocation(options.settings(), context -> context.getBean(ServeCommand.class).run(out, err));
      }
      case "worker" -> {
        WorkerOptions options = WorkerOptions.parse(args);
        yield new Invocation(options.settings(), context -> context.getBean(WorkerCommand.class).run(options.pool(), out, err));
      }
      case "gateway" -> {
        GatewayOptions options = GatewayOptions.parse(args);
        yield new Invocation(options.settings(), context -> context.getBean(GatewayCommand.class).run(out, err));
      }
      case "process" -> {
        ProcessOptions options = ProcessOptions.parse(args);
        yield new Invocation(Map.of(), context -> context.getBean(ProcessCommand.class).run(options, out, err));
      }
      case "identify" -> {
        IdentifyOptions options = IdentifyOptions.parseIdentify(args);
        yield new Invocation(Map.of(), context -> context.getBean(IdentifyCommand.class).identify(options, out, err));
      }
      case "reference" -> {
        IdentifyOptions options = IdentifyOptions.parseReference(args);
        yield new Invocation(Map.of(), context -> context.getBean(IdentifyCommand.class).addReference(options, out, err));
      }
      case "watermark" -> {
        WatermarkOptions options = WatermarkOptions.parse(args);
        yield new Invocation(Map.of(), context -> context.getBean(WatermarkCommand.class).run(options, out, err));
      }
      default -> throw new IllegalStateException("no such command: " + command);
    };
  }

  /**
   * The Spring context of one command.
   *
   * @param flagSettings the settings that the command's flags stand for; they win over every other
   *     source, application.yml and {@code --audiostems.*} arguments included
   */
  public static ConfigurableApplicationContext start(String[] args, Map<String, Object> flagSettings) {
    return new SpringApplicationBuilder(AudiostemsApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(
            context ->
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("audiostems flags", flagSettings)))
        .run(args);
  }

  private static String usageOf(String command) {
    return switch (command) {
      case "serve" -> ServeOptions.USAGE;
      case "worker" -> WorkerOptions.USAGE;
      case "gateway" -> GatewayOptions.USAGE;
      case "identify", "reference" -> IdentifyOptions.USAGE;
      case "watermark" -> WatermarkOptions.USAGE;
      default -> ProcessOptions.USAGE;
    };
  }
}
