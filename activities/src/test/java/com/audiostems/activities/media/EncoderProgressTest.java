package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderProgressTest {
  /** Two blocks as ffmpeg 5.1 writes them with -progress, trimmed to the keys that matter. */
  private static final String BLOCKS =
      """
      bitrate=N/A
      total_size=44
      out_time_us=N/A
      out_time_ms=N/A
      progress=continue
      out_time_us=-23220
      out_time_ms=-23220
      progress=continue
      out_time_us=1500000
      out_time_ms=1500000
      out_time=00:00:01.500000
      speed=21.9x
      progress=continue
      out_time_us=3072000
      out_time_ms=3072000
      progress=end
      """;

  @Test
  void turnsOutTimeIntoAClampedFractionOfTheSourceAndEndsAtOne() throws IOException {
    List<Double> fractions = new ArrayList<>();

    new EncoderProgress(3.0, fractions::add).consume(stream(BLOCKS));

    assertThat(fractions).containsExactly(0.0, 0.0, 0.5, 0.5, 1.0, 1.0, 1.0);
  }

  @Test
  void withoutASourceDurationOnlyTheEndIsReported() throws IOException {
    List<Double> fractions = new ArrayList<>();

    new EncoderProgress(0, fractions::add).consume(stream(BLOCKS));

    assertThat(fractions).containsExactly(1.0);
  }

  @Test
  void whatTheConsumerThrowsPropagates() {
    RuntimeException cancelled = new IllegalStateException("cancelled");

    assertThatThrownBy(
            () ->
                new EncoderProgress(3.0, f -> {
                      throw cancelled;
                    })
                    .consume(stream(BLOCKS)))
        .isSameAs(cancelled);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
