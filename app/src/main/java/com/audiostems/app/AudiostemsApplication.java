package com.audiostems.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code audiostems} command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AudiostemsApplication {

  static final String USAGE =
      """
      usage: audiostems COMMAND [ARGS]
        process FILE   run one track through the pipeline on embedded defaults

      """
          + ProcessOptions.USAGE;

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      out.print(USAGE);
      return args.length == 0 ? ProcessCommand.USAGE : 0;
    }
    if (!args[0].equals("process")) {
      err.print("audiostems: unknown command '" + args[0] + "'\n" + USAGE);
      return ProcessCommand.USAGE;
    }
    ProcessOptions options;
    try {
      options = ProcessOptions.parse(Arrays.asList(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      err.print("audiostems: " + e.getMessage() + "\n" + ProcessOptions.USAGE);
      return ProcessCommand.USAGE;
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(AudiostemsApplication.class).web(WebApplicationType.NONE).run(args)) {
      return context.getBean(ProcessCommand.class).run(options, out, err);
    }
  }
}
