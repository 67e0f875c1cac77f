package com.audiostems.app.metrics;

import com.audiostems.activities.metrics.MetricNames;
import com.audiostems.storage.BlobStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code audiostems.storage.bytes{storage_class}}: the store's bytes by storage class,
 * from a listing every interval, not at each scrape. Why a periodic listing: it is exact and the
 * same whichever process writes (a count kept on write would miss other hosts' writes and every
 * delete), and its cost is bounded by the interval (S3: one ListObjectsV2 per 1,000 objects; a
 * million objects every 15 minutes is about 4,000 requests an hour). For a bucket much larger than
 * that, S3's daily CloudWatch {@code BucketSizeBytes} by storage type is the cheaper source. A
 * class appears once a listing has seen it; a class no longer seen reads 0.
 */
final class StoredBytes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoredBytes.class);

  private final BlobStore store;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> bytesByClass = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "audiostems-stored-bytes");
            thread.setDaemon(true);
            return thread;
          });
  private volatile String lastProblem;

  private StoredBytes(BlobStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** Lists the store now (in the background) and then every {@code interval}. */
  static StoredBytes start(BlobStore store, Duration interval, MeterRegistry registry) {
    StoredBytes gauge = new StoredBytes(store, registry);
    gauge.timer.scheduleWithFixedDelay(
        gauge::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return gauge;
  }

  /** One listing; a failure keeps the last values and is logged once until it changes. */
  void measure() {
    Map<String, Long> measured;
    try {
      measured = store.bytesByStorageClass("");
    } catch (IOException | RuntimeException e) {
      if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
        lastProblem = String.valueOf(e.getMessage());
        log.warn("Could not list the store for its bytes by storage class: {}", e.getMessage());
      }
      return;
    }
    lastProblem = null;
    bytesByClass.forEach(
        (storageClass, value) -> value.set(measured.getOrDefault(storageClass, 0L)));
    measured.forEach(
        (storageClass, bytes) ->
            bytesByClass.computeIfAbsent(storageClass, this::register).set(bytes));
  }

  private AtomicLong register(String storageClass) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(MetricNames.STORAGE_BYTES, value, AtomicLong::get)
        .description("Bytes in the blob store by storage class, as the last listing summed them")
        .baseUnit("bytes")
        .tag("storage_class", storageClass)
        .register(registry);
    return value;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
