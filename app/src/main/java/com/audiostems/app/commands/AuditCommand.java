package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiostems audit verify}: the ledger's hash-chained audit log. */
@Command(
    name = "audit",
    description = "Check the ledger's audit log: audit verify.",
    subcommands = AuditCommand.Verify.class)
final class AuditCommand {
  @Mixin HelpOption help;

  /** {@code audiostems audit verify [--out DIR] [--jdbc-url URL]}. */
  @Command(
      name = "verify",
      description = {
        "Recompute the audit log's hash chain and name the first row that was changed, deleted or inserted.",
        "Reads the ledger of --out DIR (the store process --out wrote; its .ledger file), or the database of"
            + " --jdbc-url / audiostems.ledger.jdbc-url (PostgreSQL; user and password from audiostems.ledger.*).",
        "Exit codes: 0 intact, 1 the chain is broken or the ledger cannot be read, 64 bad arguments."
      })
  static final class Verify extends SpringCommand {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "the local store whose embedded ledger to check (default: audiostems.storage.root)")
    Path outDir;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description =
            "the ledger's database, e.g. jdbc:postgresql://db:5432/audiostems (default: audiostems.ledger.jdbc-url)")
    String jdbcUrl;

    @Override
    Map<String, Object> settings() {
      return jdbcUrl == null ? Map.of() : Map.of("audiostems.ledger.jdbc-url", jdbcUrl);
    }

    @Override
    void check() {
      if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
        throw usageError("--jdbc-url must be a JDBC URL (jdbc:postgresql://...), not " + jdbcUrl);
      }
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
      return context.getBean(AuditRunner.class).verify(outDir, out, err);
    }
  }
}
