package com.audiostems.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.metrics.MetricNames;
import com.audiostems.storage.LocalBlobStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored-bytes gauge follows the store's listing: written and deleted bytes, by class. */
class StoredBytesTest {
  @TempDir Path temp;

  @Test
  void theGaugeReadsTheBytesOfTheLastListing() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("store"));
    store.storeBytes("tracks/t1/outputs/a.flac", new byte[4_000]);
    store.storeBytes("tracks/t1/manifest.json", new byte[96]);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (StoredBytes gauge = StoredBytes.start(store, Duration.ofHours(1), registry)) {
      assertThat(await(registry, 4_096)).isEqualTo(4_096);

      store.delete("tracks/t1/outputs/a.flac");
      store.storeBytes("uploads/t2/source.wav", new byte[10]);
      gauge.measure();

      assertThat(standard(registry).value()).isEqualTo(106);
      assertThat(registry.find(MetricNames.STORAGE_BYTES).gauges()).hasSize(1);
    }
  }

  private static Gauge standard(SimpleMeterRegistry registry) {
    return registry
        .find(MetricNames.STORAGE_BYTES)
        .tag("storage_class", LocalBlobStore.STORAGE_CLASS)
        .gauge();
  }

  /** The first listing runs in the background: waits for it (10 s at most). */
  private static double await(SimpleMeterRegistry registry, double expected) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      Gauge gauge = standard(registry);
      if (gauge != null && gauge.value() == expected) {
        return gauge.value();
      }
      Thread.sleep(20);
    }
    Gauge gauge = standard(registry);
    return gauge == null ? -1 : gauge.value();
  }
}
