package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegProgressTest {

  @Test
  void reportsEachBlocksOutputTimeAndReturnsTheLast() throws IOException {
    // Shape of ffmpeg 5.1's -progress output, trimmed to the keys that matter.
    String progress =
        """
        total_size=N/A
        out_time_us=N/A
        progress=continue
        out_time_us=1500000
        speed=812x
        progress=continue
        out_time_us=3000000
        progress=end
        """;
    List<Long> seen = new ArrayList<>();

    long last =
        FfmpegProgress.read(
            new ByteArrayInputStream(progress.getBytes(StandardCharsets.US_ASCII)), seen::add);

    assertThat(seen).containsExactly(1_500_000L, 3_000_000L);
    assertThat(last).isEqualTo(3_000_000L);
  }

  @Test
  void noFramesMeansZero() throws IOException {
    long last =
        FfmpegProgress.read(
            new ByteArrayInputStream("out_time_us=N/A\nprogress=end\n".getBytes()), t -> {});

    assertThat(last).isZero();
  }
}
