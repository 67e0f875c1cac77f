package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.pools.Pool;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/** The arguments of every command, and the usage errors they answer before anything starts. */
class CommandOptionsTest {

  private record Run(int exitCode, String out, String err) {}

  /** The whole command, as main runs it. */
  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        AudiostemsApplication.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The command that {@code args} would run, parsed but not run: no Spring context, no file checks.
   */
  private static SpringCommand parsed(String... args) {
    AudiostemsCommand.Arguments arguments = AudiostemsCommand.Arguments.of(args);
    ParseResult result =
        AudiostemsCommand.commandLine(arguments.springSettings(), System.out, System.err)
            .parseArgs(arguments.command().toArray(String[]::new));
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return (SpringCommand) result.commandSpec().userObject();
  }

  @Test
  void springSettingsAnywhereOnTheLineGoToSpringAndTheRestToTheCommand() {
    AudiostemsCommand.Arguments arguments =
        AudiostemsCommand.Arguments.of(
            new String[] {
              "--logging.level.root=warn",
              "process",
              "a.wav",
              "--audiostems.work-dir=/w",
              "--out",
              "o",
              "--spring.main.banner-mode=off"
            });

    assertThat(arguments.command()).containsExactly("process", "a.wav", "--out", "o");
    assertThat(arguments.springSettings())
        .containsExactly(
            "--logging.level.root=warn",
            "--audiostems.work-dir=/w",
            "--spring.main.banner-mode=off");
  }

  @Test
  void serveTakesADataDirectory() {
    assertThat(parsed("serve").settings()).isEmpty();
    assertThat(
            parsed("serve", "--data-dir", "/srv/a", "--audiostems.temporal.ui-port=0").settings())
        .isEqualTo(Map.of("audiostems.temporal.data-dir", "/srv/a"));
    assertThat(parsed("serve", "--data-dir=/srv/b").settings())
        .isEqualTo(Map.of("audiostems.temporal.data-dir", "/srv/b"));

    Run noValue = run("serve", "--data-dir");
    assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noValue.err())
        .contains("audiostems: Missing required parameter for option '--data-dir' (DIR)")
        .contains("usage: audiostems serve");
    Run stray = run("serve", "x.wav");
    assertThat(stray.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(stray.err()).contains("Unmatched argument at index 1: 'x.wav'");
  }

  @Test
  void workerFlagsBecomeTemporalSettings() {
    WorkerCommand worker =
        (WorkerCommand)
            parsed(
                "worker",
                "--pool",
                "cpu",
                "--temporal=ns.acct.tmprl.cloud:7233",
                "--namespace",
                "ns.acct",
                "--api-key",
                "k");

    assertThat(worker.pool).isEqualTo(Pool.CPU);
    assertThat(worker.settings())
        .isEqualTo(
            Map.of(
                "audiostems.temporal.target", "ns.acct.tmprl.cloud:7233",
                "audiostems.temporal.namespace", "ns.acct",
                "audiostems.temporal.api-key", "k"));
    assertThat(
            parsed("worker", "--pool", "cpu", "--tls-cert", "c.pem", "--tls-key", "k.pem")
                .settings())
        .containsEntry("audiostems.temporal.tls.cert", "c.pem")
        .containsEntry("audiostems.temporal.tls.key", "k.pem");
    assertThat(parsed("gateway", "--temporal", "h:7233", "--namespace=ns").settings())
        .isEqualTo(
            Map.of("audiostems.temporal.target", "h:7233", "audiostems.temporal.namespace", "ns"));
  }

  @Test
  void workerRefusesWhatItCannotDo() {
    assertThat(run("worker", "--temporal", "h:1"))
        .satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE))
        .satisfies(
            r ->
                assertThat(r.err())
                    .contains("Missing required option: '--pool=cpu|gpu|catalogue'"));
    assertThat(run("worker", "--pool", "tpu").err())
        .contains("Unknown pool 'tpu'; choose from cpu, gpu, catalogue");
    Run certAlone = run("worker", "--pool", "cpu", "--tls-cert", "c.pem");
    assertThat(certAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(certAlone.err())
        .contains("--tls-cert and --tls-key go together")
        .contains("usage: audiostems worker");
    Run both =
        run("worker", "--pool", "cpu", "--tls-cert", "c", "--tls-key", "k", "--api-key", "a");
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("not both");
  }

  @Test
  void everyPoolCanBeRunAlone() {
    assertThat(((WorkerCommand) parsed("worker", "--pool", "cpu", "--temporal", "h:7233")).pool)
        .isEqualTo(Pool.CPU);
    assertThat(((WorkerCommand) parsed("worker", "--pool", "gpu", "--temporal", "h:7233")).pool)
        .isEqualTo(Pool.GPU);
    assertThat(((WorkerCommand) parsed("worker", "--pool=catalogue")).pool)
        .isEqualTo(Pool.CATALOGUE);
  }

  @Test
  void processOptionsAreTyped() {
    ProcessCommand process =
        (ProcessCommand)
            parsed(
                "process",
                "song.wav",
                "--out",
                "o",
                "--formats",
                "flac,MP3-320,preview_mp3_128",
                "--temporal",
                "h:7233",
                "--track-id",
                "night-drive",
                "--tier",
                "Professional",
                "--duplicates",
                "link");

    assertThat(process.file).isEqualTo(Path.of("song.wav"));
    assertThat(process.outDir).isEqualTo(Path.of("o"));
    assertThat(process.formats)
        .containsExactly(OutputFormat.FLAC, OutputFormat.MP3_320, OutputFormat.PREVIEW_MP3_128);
    assertThat(process.temporalTarget).isEqualTo("h:7233");
    assertThat(process.trackId).isEqualTo("night-drive");
    assertThat(process.requiredTier).isEqualTo(QualityTier.PROFESSIONAL);
    assertThat(process.duplicatePolicy).isEqualTo(DuplicatePolicy.LINK_AS_ALTERNATE);
    assertThat(((ProcessCommand) parsed("process", "a.wav", "--duplicates=reject")).duplicatePolicy)
        .isEqualTo(DuplicatePolicy.REJECT);
    assertThat(((ProcessCommand) parsed("process", "a.wav", "--out=a", "--out=b")).outDir)
        .as("the last one counts")
        .isEqualTo(Path.of("b"));
  }

  @Test
  void badProcessValuesNameWhatIsAllowed() {
    assertThat(run("process", "--formats", "mp5", "x.wav").err())
        .contains(
            "Unknown format 'mp5'; choose from preview-mp3-128, mp3-320, aac-256, flac, alac, wav-24, flac-96k");
    assertThat(run("process", "x.wav", "--tier", "gold").err())
        .contains("Unknown tier 'gold'; choose from minimum, standard, high, professional");
    assertThat(run("process", "x.wav", "--duplicates", "keep").err())
        .contains("Unknown duplicate policy 'keep'; choose from reject, link");
    Run badId = run("process", "x.wav", "--track-id", "../etc");
    assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badId.err())
        .contains("Track id '../etc' is not allowed: use 1-64 letters, digits, '-' or '_'.");
    Run twoFiles = run("process", "a.wav", "b.wav");
    assertThat(twoFiles.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twoFiles.err()).contains("'b.wav'");
    Run noFile = run("process", "--out", "o");
    assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
    assertThat(run("process", "a.wav", "--bogus").err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void identifyAndReferenceTakeTheirOwnOptions() {
    IdentifyCommand identify =
        (IdentifyCommand) parsed("identify", "clip.mp3", "--out", "s", "--temporal", "h:7233");
    assertThat(identify.file).isEqualTo(Path.of("clip.mp3"));
    assertThat(identify.outDir).isEqualTo(Path.of("s"));
    assertThat(identify.temporalTarget).isEqualTo("h:7233");
    ReferenceCommand.Add add =
        (ReferenceCommand.Add)
            parsed("reference", "add", "r.wav", "--id", "ref-1", "--title", "Library Piece");
    assertThat(add.id).isEqualTo("ref-1");
    assertThat(add.title).isEqualTo("Library Piece");

    assertThat(run("reference", "add", "r.wav").err())
        .contains("Missing required option: '--id=ID'");
    assertThat(run("reference", "add", "r.wav", "--id", "a b").err())
        .contains("Reference id 'a b' is not allowed");
    assertThat(run("reference", "add", "r.wav", "--id", "r", "--temporal", "h:1").err())
        .contains("Unknown options: '--temporal'");
    assertThat(run("identify", "clip.mp3", "--id", "x").err()).contains("Unknown options: '--id'");
    Run noAction = run("reference");
    assertThat(noAction.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noAction.err()).contains("Missing required subcommand").contains("add");
  }

  /** A setting that fails Spring's start is given too: the answer comes before any context. */
  @Test
  void aFileThatCannotBeReadIsReportedBeforeAnythingStarts(@TempDir Path temp) {
    String missing = temp.resolve("missing.wav").toString();
    String failsSpringsStart = "--audiostems.temporal.tls.cert=/c.pem";
    List<List<String>> commands =
        List.of(
            List.of("process", missing),
            List.of("process", temp.toString()),
            List.of("identify", missing),
            List.of("reference", "add", missing, "--id", "r"),
            List.of("watermark", "detect", missing));
    for (List<String> command : commands) {
      String file = command.contains(missing) ? missing : temp.toString();
      Run run =
          run(Stream.concat(command.stream(), Stream.of(failsSpringsStart)).toArray(String[]::new));

      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.NO_INPUT);
      assertThat(run.err())
          .isEqualTo(
              "audiostems: cannot read "
                  + file
                  + ": not an existing, readable regular file."
                  + System.lineSeparator());
    }
  }

  @Test
  void aWorkerWithoutAServerIsAUsageError() {
    Run run = run("worker", "--pool", "cpu");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("worker needs --temporal HOST:PORT")
        .contains("usage: audiostems worker");
  }

  @Test
  void theHelpNamesEveryCommandAndEachCommandHasItsOwn() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("usage: audiostems")
        .contains("process")
        .contains("serve")
        .contains("worker")
        .contains("gateway")
        .contains("identify")
        .contains("reference")
        .contains("watermark")
        .contains("Exit codes");
    assertThat(run("help").out()).isEqualTo(help.out());

    assertThat(run("process", "--help").out())
        .contains("usage: audiostems process")
        .contains("FILE")
        .contains("--formats=LIST");
    assertThat(run("serve", "--help").out())
        .contains("usage: audiostems serve")
        .contains("[--data-dir=DIR]");
    assertThat(run("worker", "--help").out())
        .contains("usage: audiostems worker")
        .contains("--pool=cpu|gpu|catalogue")
        .contains("--temporal=HOST:PORT");
    assertThat(run("gateway", "--help").out())
        .contains("usage: audiostems gateway")
        .contains("--temporal=HOST:PORT");
    assertThat(run("identify", "--help").out())
        .contains("usage: audiostems identify")
        .contains("FILE");
    assertThat(run("reference", "add", "--help").out())
        .contains("usage: audiostems reference add")
        .contains("--id=ID");
    assertThat(run("watermark", "detect", "--help").out())
        .contains("usage: audiostems watermark detect")
        .contains("--store=DIR");
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    Run none = run();
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("Missing COMMAND").contains("usage: audiostems");
    Run unknown = run("proces", "a.wav");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("'proces'").contains("process");
  }

  @Test
  void credentialSettingsAreCheckedAtStartUp() {
    assertThatThrownBy(
            () ->
                AudiostemsApplication.start(
                        new String[] {"--audiostems.temporal.tls.cert=/c.pem"}, Map.of())
                    .close())
        .rootCause()
        .hasMessageContaining("audiostems.temporal.tls needs both cert and key");
    assertThatThrownBy(
            () ->
                AudiostemsApplication.start(
                        new String[] {
                          "--audiostems.temporal.tls.cert=/c.pem",
                          "--audiostems.temporal.tls.key=/k.pem"
                        },
                        Map.of("audiostems.temporal.api-key", "k"))
                    .close())
        .rootCause()
        .hasMessageContaining(
            "set audiostems.temporal.tls or audiostems.temporal.api-key, not both");
  }
}
