package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.watermark.DetectWatermarkRequest;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkActivities;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's tests need the detector's answers, not real marks (those are tested in audio-dsp,
 * activities and the app): a stored file whose text names {@code MARK:<32 hex>} carries that
 * payload over its 10 s, in five 2 s segments; with {@code CUT} in the text the third segment (4-6
 * s) reads as unmarked. The registry's track is the {@code TRACK:<id>} the text names, for a
 * preview's payload only; a licence's payload gives its licence id, and no licensee (no registry).
 * Text starting "not audio" is refused as the real decoder would.
 */
public final class FakeWatermarkActivities implements WatermarkActivities {
  private static final Pattern MARK = Pattern.compile("MARK:([0-9a-f]{32})");
  private static final Pattern TRACK = Pattern.compile("TRACK:([A-Za-z0-9_-]+)");
  private static final double SEGMENT_SECONDS = 2;

  private final LocalBlobStore store;

  public FakeWatermarkActivities(LocalBlobStore store) {
    this.store = store;
  }

  @Override
  public WatermarkDetection detectWatermark(DetectWatermarkRequest request) {
    String text;
    try (InputStream in = store.open(request.key())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (text.startsWith("not audio")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The file is not audio (test).", TrackFailures.NOT_AUDIO);
    }
    Matcher mark = MARK.matcher(text);
    if (!mark.find()) {
      return new WatermarkDetection(false, null, null, null, null, null, null, 0.4, 10, List.of());
    }
    String payloadId = mark.group(1);
    String kind = PreviewPayloads.kindOf(payloadId);
    Matcher track = TRACK.matcher(text);
    String trackId = "preview".equals(kind) && track.find() ? track.group(1) : null;
    boolean cut = text.contains("CUT");
    List<WatermarkDetection.Segment> timeline =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(
                i ->
                    new WatermarkDetection.Segment(
                        i * SEGMENT_SECONDS,
                        (i + 1) * SEGMENT_SECONDS,
                        cut && i == 2 ? 0.5 : 9.0,
                        !(cut && i == 2)))
            .toList();
    // The licence id is in the payload itself; its licensee only in the registry, which the
    // gateway's tests never write (their marked copies are not real): the ledger names it.
    String licenceId = LicencePayloads.licenceIdOf(payloadId);
    return new WatermarkDetection(
        true, payloadId, "k1", kind, trackId, licenceId, null, 12.5, 10, timeline);
  }
}
