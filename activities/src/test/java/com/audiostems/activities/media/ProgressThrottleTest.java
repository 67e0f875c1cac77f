package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {
  private final AtomicLong nanos = new AtomicLong();
  private final List<Double> passed = new ArrayList<>();
  private final ProgressThrottle throttle =
      new ProgressThrottle(passed::add, Duration.ofMillis(250), nanos::get);

  @Test
  void passesTheFirstValueThenAtMostOneEveryInterval() {
    throttle.accept(0.1);
    advanceMillis(100);
    throttle.accept(0.2);
    advanceMillis(200);
    throttle.accept(0.3);
    advanceMillis(100);
    throttle.accept(0.4);

    assertThat(passed).containsExactly(0.1, 0.3);
  }

  @Test
  void neverGoesBackwardsAndClamps() {
    throttle.accept(-0.5);
    advanceMillis(300);
    throttle.accept(0.6);
    advanceMillis(300);
    throttle.accept(0.4);
    advanceMillis(300);
    throttle.accept(Double.NaN);
    advanceMillis(300);
    throttle.accept(7);

    assertThat(passed).containsExactly(0.0, 0.6, 1.0);
  }

  @Test
  void theEndAlwaysPassesOnce() {
    throttle.accept(0.5);
    throttle.accept(1.0);
    throttle.accept(1.0);

    assertThat(passed).containsExactly(0.5, 1.0);
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000);
  }
}
