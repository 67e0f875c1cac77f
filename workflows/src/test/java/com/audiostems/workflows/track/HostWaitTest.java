package com.audiostems.workflows.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a track's call waits for a host that answers its pings but is busy. */
class HostWaitTest {
  @Test
  void theWaitDoublesFromThirtySecondsToFiveMinutes() {
    assertThat(TrackHost.hostScheduleToStart(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(TrackHost.hostScheduleToStart(1)).isEqualTo(Duration.ofSeconds(60));
    assertThat(TrackHost.hostScheduleToStart(2)).isEqualTo(Duration.ofSeconds(120));
    assertThat(TrackHost.hostScheduleToStart(3)).isEqualTo(Duration.ofSeconds(240));
    assertThat(TrackHost.hostScheduleToStart(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(TrackHost.hostScheduleToStart(100)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aBusyHostKeepsItsTrackForAnHourOfWaits() {
    // 30 + 60 + 120 + 240 s, then 5 minutes a wait: 57.5 min after 14 waits, 62.5 after 15.
    assertThat(TrackHost.busyWaitSpent(13)).isFalse();
    assertThat(TrackHost.busyWaitSpent(14)).isTrue();
  }
}
