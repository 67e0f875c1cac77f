package com.audiostems.app.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalCliTest {
  @TempDir Path temp;

  private Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void theConfiguredPathComesFirstThenPathThenGoBin() throws Exception {
    Path configured = executable(temp.resolve("opt/temporal"));
    Path onPath = executable(temp.resolve("bin/temporal"));
    Path goBin = executable(temp.resolve("home/go/bin/temporal"));
    String path = temp.resolve("empty") + File.pathSeparator + temp.resolve("bin");

    assertThat(TemporalCli.locate(configured.toString(), path, temp.resolve("home")))
        .contains(configured);
    assertThat(TemporalCli.locate("", path, temp.resolve("home"))).contains(onPath);
    assertThat(TemporalCli.locate(null, temp.resolve("empty").toString(), temp.resolve("home")))
        .contains(goBin);
  }

  @Test
  void theProjectsOwnBuildComesBeforePath() throws Exception {
    Path onPath = executable(temp.resolve("bin/temporal"));
    Path projectBuild = executable(temp.resolve("home/.cache/audiostems/bin/temporal"));

    assertThat(TemporalCli.locate(null, temp.resolve("bin").toString(), temp.resolve("home")))
        .contains(projectBuild);
    assertThat(onPath).as("also on PATH, and passed over").exists();
  }

  @Test
  void nothingInstalledMeansEmpty() {
    assertThat(TemporalCli.locate(null, temp.toString(), temp.resolve("home"))).isEmpty();
    assertThat(TemporalCli.locate(null, null, temp.resolve("home"))).isEmpty();
  }

  @Test
  void aConfiguredPathThatIsNotAnExecutableFailsWithTheSettingAndTheInstallLine() throws Exception {
    Path notExecutable = Files.writeString(temp.resolve("temporal"), "text");

    assertThatThrownBy(() -> TemporalCli.locate(notExecutable.toString(), null, temp))
        .hasMessageContaining("audiostems.temporal.cli-path=" + notExecutable)
        .hasMessageContaining("go install github.com/temporalio/cli/cmd/temporal@v1.5.1");
    assertThatThrownBy(() -> TemporalCli.locate(temp.resolve("missing").toString(), null, temp))
        .hasMessageContaining("not an executable file");
  }
}
