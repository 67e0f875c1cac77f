package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.storage.StoredObject;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Media activities without ffmpeg (the gateway must not link the real ones): they read the uploaded
 * source from the real local store and write outputs into it whose bytes name the format and the
 * source, so a test can tell that a download is the right file of the right upload. Every source
 * "probes" as 48 kHz / 24-bit stereo, so FLAC_96K is never possible.
 */
public final class FakeMediaActivities implements MediaActivities {
  private final LocalBlobStore store;

  public FakeMediaActivities(LocalBlobStore store) {
    this.store = store;
  }

  @Override
  public SourceProbe probe(ProbeRequest request) {
    long size = sizeOf(request.sourceKey());
    return new SourceProbe(
        "wav", "pcm_s24le", 0, 48_000, 24, "s32", 2, "stereo", 10.0, 2_304_000, size, true, false);
  }

  @Override
  public ValidatedSource validate(ValidateRequest request) {
    return new ValidatedSource(request.probe(), QualityTier.STANDARD, 10.0, 480_000, "00");
  }

  @Override
  public EncodeLaneResult encodeLane(EncodeLaneRequest request) {
    String source = contentOf(request.sourceKey());
    List<EncodedOutput> outputs = new ArrayList<>();
    for (OutputSpec spec : request.outputs()) {
      StoredObject stored = store(spec.key(), outputBytes(spec, source));
      outputs.add(
          new EncodedOutput(
              spec.format(),
              spec.key(),
              "fake-" + spec.format().name().toLowerCase(),
              spec.bitRateKbps() * 1000L,
              spec.sampleRateHz(),
              spec.bitDepth(),
              spec.channels(),
              10.0,
              stored.bytes(),
              stored.sha256()));
    }
    HlsLadder ladder =
        request.previewLadder() == null ? null : storeLadder(request.previewLadder(), source);
    return new EncodeLaneResult(outputs, 0.01, null, ladder);
  }

  /** Segments per variant of the fake ladder: a 6 s one and a 4 s one (the 10 s source). */
  public static final int LADDER_SEGMENTS = 2;

  /**
   * Writes an HLS ladder as the real lane lays it out (master, media playlists naming their
   * EXT-X-MAP initialisation segment and media segments relative to themselves), with contents that
   * name each file and the source.
   */
  private HlsLadder storeLadder(HlsLadderPlan plan, String source) {
    StringBuilder master =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    List<HlsLadder.Variant> variants = new ArrayList<>();
    for (int kbps : plan.bitRatesKbps()) {
      long bytes =
          store(
                  plan.prefix() + HlsLadderPlan.initName(kbps),
                  ladderBytes(HlsLadderPlan.initName(kbps), source))
              .bytes();
      StringBuilder media =
          new StringBuilder(
              "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n"
                  + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MAP:URI=\""
                  + HlsLadderPlan.initName(kbps)
                  + "\"\n");
      for (int i = 0; i < LADDER_SEGMENTS; i++) {
        String name = HlsLadderPlan.segmentName(kbps, i);
        bytes += store(plan.prefix() + name, ladderBytes(name, source)).bytes();
        media
            .append(i == 0 ? "#EXTINF:6.000000,\n" : "#EXTINF:4.000000,\n")
            .append(name)
            .append('\n');
      }
      media.append("#EXT-X-ENDLIST\n");
      String playlistKey = plan.prefix() + HlsLadderPlan.playlistName(kbps);
      store(playlistKey, media.toString().getBytes(StandardCharsets.UTF_8));
      master
          .append("#EXT-X-STREAM-INF:BANDWIDTH=")
          .append(kbps * 1100)
          .append(",AVERAGE-BANDWIDTH=")
          .append(kbps * 1050)
          .append(",CODECS=\"mp4a.40.2\"\n")
          .append(HlsLadderPlan.playlistName(kbps))
          .append('\n');
      variants.add(
          new HlsLadder.Variant(
              kbps,
              "mp4a.40.2",
              kbps * 1100L,
              kbps * 1050L,
              playlistKey,
              plan.prefix() + HlsLadderPlan.initName(kbps),
              LADDER_SEGMENTS,
              10.0,
              bytes));
    }
    store(plan.masterKey(), master.toString().getBytes(StandardCharsets.UTF_8));
    return new HlsLadder(plan.masterKey(), "fmp4", plan.segmentSeconds(), true, variants);
  }

  /** What a file of the fake ladder contains. */
  public static byte[] ladderBytes(String fileName, String source) {
    return (fileName + " of " + source).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public VerificationReport verifyOutputs(VerifyRequest request) {
    return new VerificationReport(
        request.outputs().stream()
            .map(o -> new OutputCheck(o.format(), "duration", true, "fake verification"))
            .toList());
  }

  /** What an output of this format made from this source contains. */
  public static byte[] outputBytes(OutputSpec spec, String source) {
    return (spec.format().name() + " of " + source).getBytes(StandardCharsets.UTF_8);
  }

  private long sizeOf(String key) {
    if (!store.exists(key)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "No source at " + key, TrackFailures.SOURCE_MISSING);
    }
    try {
      return java.nio.file.Files.size(store.pathOf(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String contentOf(String key) {
    try (InputStream in = store.open(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StoredObject store(String key, byte[] content) {
    try {
      return store.storeBytes(key, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
