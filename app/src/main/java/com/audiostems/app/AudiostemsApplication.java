package com.audiostems.app;

import com.audiostems.app.commands.AudiostemsCommand;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The {@code audiostems} command: picocli reads the command line ({@link AudiostemsCommand}), and
 * only then does the command start its Spring context, so that help and bad arguments answer at
 * once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AudiostemsApplication {

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return AudiostemsCommand.execute(args, out, err);
  }

  /**
   * The Spring context of one command.
   *
   * @param args Spring Boot's command-line arguments: settings such as {@code
   *     --audiostems.storage.root=DIR}
   * @param flagSettings the settings that the command's options stand for; they win over every
   *     other source, application.yml and {@code --audiostems.*} arguments included
   */
  public static ConfigurableApplicationContext start(
      String[] args, Map<String, Object> flagSettings) {
    return new SpringApplicationBuilder(AudiostemsApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("audiostems flags", flagSettings)))
        .run(args);
  }
}
