package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.commands.Served;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.storage.S3BlobStore;
import com.audiostems.storage.testing.S3TestServer;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * S3 faults between the workers and the bucket: {@code serve} (the packaged jar, S3 storage) talks
 * to versitygw through a real Toxiproxy and, behind it, {@link SlowDownRelay}. While tracks run,
 * the path gets slow (latency toxic, all along), drops connections (reset_peer toxic), answers a
 * burst of HTTP 503 SlowDown, and then goes away for 60 s (the proxy disabled: connections
 * refused). Every track must end published, or failed with a typed failure once its retry policy is
 * spent; and the bucket's listing must be exactly what the published manifests own: nothing lost,
 * nothing orphaned by an attempt a fault cut short, nothing left of a failed track.
 */
class S3FaultsIT {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  private static final String PREFIX = "faults/";
  private static final String PROXY = "s3";
  private static final int TRACKS = 8;
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration FINISH = Duration.ofMinutes(8);

  /** What a track may fail with once its retries are spent: a type a person can act on. */
  private static final List<String> TYPED_STORAGE_FAILURES =
      List.of(TrackFailures.STORAGE_UNAVAILABLE);

  @TempDir Path temp;

  @Test
  void tracksSurviveLatencyResetsSlowDownsAndAMinuteLongOutageOfTheBucket() throws Exception {
    Path cli = CrashRecoveryIT.cli();
    URI versity = s3.endpoint();
    try (SlowDownRelay relay =
            new SlowDownRelay(new InetSocketAddress(versity.getHost(), versity.getPort()));
        Toxiproxy toxiproxy = Toxiproxy.start(temp.resolve("toxiproxy.log"))) {
      int proxyPort = toxiproxy.createProxy(PROXY, relay.address());
      int port = Served.freePort();
      List<String> serve =
          Served.command(
              temp.resolve("work"),
              "serve",
              "--data-dir",
              temp.resolve("data").toString(),
              "--audiostems.temporal.cli-path=" + cli,
              "--audiostems.temporal.port=" + port,
              "--audiostems.temporal.ui-port=0",
              "--audiostems.serve.gateway-port=0",
              "--audiostems.storage.kind=s3",
              "--audiostems.storage.s3.bucket=" + S3TestServer.BUCKET,
              "--audiostems.storage.s3.prefix=" + PREFIX,
              "--audiostems.storage.s3.endpoint=http://127.0.0.1:" + proxyPort,
              "--audiostems.storage.s3.path-style=true",
              "--audiostems.watermark.keys[0].id=s3-faults",
              "--audiostems.watermark.keys[0].secret=c2hhcmVkIGJ5IGV2ZXJ5IGhvc3Qgb2YgdGhlIGJ1Y2tldA==");
      Map<String, String> credentials =
          Map.of(
              "AWS_ACCESS_KEY_ID", s3.credentials().resolveCredentials().accessKeyId(),
              "AWS_SECRET_ACCESS_KEY", s3.credentials().resolveCredentials().secretAccessKey());

      TrackFleet fleet = new TrackFleet("s3fault", TRACKS);
      Path source = TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 3.0);
      for (String track : fleet.tracks()) {
        // The uploads go straight to the bucket, as a client's presigned PUT does.
        s3.client()
            .putObject(
                p ->
                    p.bucket(S3TestServer.BUCKET).key(PREFIX + BlobKeys.sourceKey(track, "cd.wav")),
                AsyncRequestBody.fromFile(source))
            .join();
      }
      WorkflowServiceStubs service = null;
      try (Served served = Served.start(serve, credentials)) {
        service = CrashRecoveryIT.connect(TemporalDevServers.IP + ":" + port);
        WorkflowClient client = WorkflowClient.newInstance(service);

        // 1. A slow path all along: 150-250 ms on every answer.
        toxiproxy.addToxic(
            PROXY, "slow", "latency", "downstream", 1.0, Map.of("latency", 200, "jitter", 50));
        fleet.startStored(client, "cd.wav");
        fleet.awaitEncoding(client, Duration.ofMinutes(3));

        // 2. A third of the connections reset by the peer, for 10 s.
        toxiproxy.addToxic(PROXY, "resets", "reset_peer", "downstream", 0.3, Map.of("timeout", 0));
        Thread.sleep(10_000);
        toxiproxy.removeToxic(PROXY, "resets");

        // 3. A burst of 503 SlowDown: until it has met requests (at most 30 s).
        relay.startBurst();
        long burstEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (relay.slowDownsAnswered() < 5 && System.nanoTime() < burstEnd) {
          Thread.sleep(200);
        }
        Thread.sleep(2_000);
        relay.endBurst();
        assertThat(relay.slowDownsAnswered()).as("503 SlowDown answers in the burst").isPositive();

        // 4. The bucket gone for a minute: every connection refused.
        assertThat(fleet.running(client)).as("tracks still running at the outage").isPositive();
        toxiproxy.setEnabled(PROXY, false);
        Thread.sleep(OUTAGE.toMillis());
        toxiproxy.setEnabled(PROXY, true);
        toxiproxy.removeToxic(PROXY, "slow");

        List<TrackManifest> published = new ArrayList<>();
        fleet
            .awaitEnds(client, FINISH)
            .forEach(
                (track, end) -> {
                  if (end instanceof TrackManifest manifest) {
                    published.add(manifest);
                  } else {
                    System.out.printf(
                        "S3FaultsIT: %s failed %s: %s%n",
                        track, typeOf((Throwable) end), rootMessage((Throwable) end));
                    assertThat(typeOf((Throwable) end))
                        .as(
                            track
                                + " failed: "
                                + end
                                + " caused by "
                                + ((Throwable) end).getCause())
                        .isIn(TYPED_STORAGE_FAILURES);
                  }
                });
        System.out.printf(
            "S3FaultsIT: %d of %d tracks published, %d SlowDown answers%n",
            published.size(), TRACKS, relay.slowDownsAnswered());
        try (S3BlobStore bucket =
            new S3BlobStore(s3.settings().keyPrefix(PREFIX).build(), s3.credentials())) {
          StoreReconciliation.assertWholeAndNothingElse(bucket, published);
        }
        served.stop();
      } finally {
        if (service != null) {
          service.shutdownNow();
        }
      }
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static String typeOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure application) {
        return application.getType();
      }
    }
    return "untyped: " + failure;
  }
}
