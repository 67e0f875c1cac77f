package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full decode reports its progress, and a progress consumer can stop it. */
class SourceInspectorProgressTest {
  @TempDir Path tempDir;

  @Test
  void progressRisesToOne() throws IOException {
    SourceInspectorHarness harness = new SourceInspectorHarness(tempDir);

    harness.probeAndValidate(harness.wav("track.wav", 44_100, 16, 2, 3.0));

    assertThat(harness.progress)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0))
        .isSorted();
    assertThat(harness.progress.get(harness.progress.size() - 1)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void anExceptionFromTheProgressConsumerStopsFfmpegAndPropagates() throws IOException {
    SourceInspectorHarness harness = new SourceInspectorHarness(tempDir);
    String key = harness.put(harness.wav("track.wav", 44_100, 16, 2, 3.0));
    SourceProbe probe = harness.probe(key);
    ValidateRequest request = new ValidateRequest(SourceInspectorHarness.TRACK, key, probe);

    assertThatThrownBy(
            () ->
                harness
                    .inspector()
                    .validate(
                        request,
                        fraction -> {
                          throw new CancellationException("activity cancelled");
                        }))
        .isInstanceOf(CancellationException.class)
        .hasMessage("activity cancelled");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
        .as("no ffmpeg left running")
        .isEmpty();
  }
}
