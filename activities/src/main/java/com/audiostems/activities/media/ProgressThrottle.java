package com.audiostems.activities.media;

import java.time.Duration;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * Passes a progress fraction on only when it has grown and some time has gone by since the last
 * one, so that the consumer (a Temporal heartbeat) is called a few times a second at most and never
 * sees progress go backwards. The first value and the final 1.0 always pass.
 */
final class ProgressThrottle implements DoubleConsumer {
  static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  private final DoubleConsumer target;
  private final long minIntervalNanos;
  private final LongSupplier nanoClock;
  private double last = -1;
  private long lastAtNanos;

  ProgressThrottle(DoubleConsumer target) {
    this(target, DEFAULT_INTERVAL, System::nanoTime);
  }

  ProgressThrottle(DoubleConsumer target, Duration minInterval, LongSupplier nanoClock) {
    this.target = target;
    this.minIntervalNanos = minInterval.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * @param fraction 0..1; values outside are clamped
   */
  @Override
  public void accept(double fraction) {
    double value = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    if (value <= last) {
      return;
    }
    long now = nanoClock.getAsLong();
    boolean first = last < 0;
    if (!first && value < 1 && now - lastAtNanos < minIntervalNanos) {
      return;
    }
    last = value;
    lastAtNanos = now;
    // Called last: when it throws (the activity was cancelled) nothing else is left to do here.
    target.accept(value);
  }
}
