package com.audiostems.activities.watermark;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.dsp.watermark.Detection;
import com.audiostems.dsp.watermark.WatermarkDetector;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkDetection;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Reads the mark of a local file: decoded through ffmpeg (whitelisted protocols, time limit) to
 * mono at the detector's own 44.1 kHz, searched with every key of the keyring, and the payload
 * resolved to its track (and, for a licensee's delivered copy, its licence and licensee) through
 * the registry. The detect activity and the {@code watermark detect} command both use it.
 */
public final class WatermarkReader {
  /** The detector works at this rate; decoding to it spares a resampling in Java. */
  static final int DETECTOR_RATE_HZ = 44_100;

  private final PcmDecoder decoder;
  private final WatermarkKeyring keys;
  private final WatermarkRegistry registry;
  private final WatermarkDetector detector = new WatermarkDetector();
  private final double maxDurationSeconds;

  /**
   * @param registry where payloads are resolved to tracks; null when there is none to ask
   */
  public WatermarkReader(
      MediaProcessRunner runner, WatermarkKeyring keys, WatermarkRegistry registry) {
    this.decoder = new PcmDecoder(runner);
    this.maxDurationSeconds = runner.settings().maxDurationSeconds();
    this.keys = keys;
    this.registry = registry;
  }

  /**
   * @param progress receives 0..1 through the decode and the search
   * @throws io.temporal.failure.ApplicationFailure non-retryable CorruptAudio when ffmpeg cannot
   *     decode the file, TooLong past the media duration limit
   */
  public WatermarkDetection read(Path file, DoubleConsumer progress) throws IOException {
    PcmBuffer pcm =
        new PcmBuffer(
            1,
            DETECTOR_RATE_HZ,
            0,
            (long) (maxDurationSeconds * DETECTOR_RATE_HZ) + DETECTOR_RATE_HZ);
    // Decoding is the first half of the work; the search (slowest on unmarked audio) the second.
    decoder.decodeAt(
        file, DETECTOR_RATE_HZ, 1, 0, "to look for a watermark", pcm, f -> progress.accept(f / 2));
    Detection detection =
        HeartbeatingComputation.run(
            "watermark-detect",
            () -> detector.detect(pcm.channels(), DETECTOR_RATE_HZ, keys.all()),
            0.5,
            1.0,
            progress);
    progress.accept(1.0);
    if (!detection.found()) {
      return new WatermarkDetection(
          false,
          null,
          null,
          null,
          null,
          null,
          null,
          detection.confidence(),
          pcm.seconds(),
          List.of());
    }
    String payloadId = detection.payload().hex();
    Optional<WatermarkRegistration> registered =
        registry == null ? Optional.empty() : registry.lookUp(payloadId);
    return new WatermarkDetection(
        true,
        payloadId,
        detection.keyId(),
        PreviewPayloads.kindOf(payloadId),
        registered.map(WatermarkRegistration::trackId).orElse(null),
        LicencePayloads.licenceIdOf(payloadId),
        registered.map(WatermarkRegistration::licensee).orElse(null),
        detection.confidence(),
        pcm.seconds(),
        detection.timeline().stream()
            .map(
                s ->
                    new WatermarkDetection.Segment(
                        s.startSeconds(), s.endSeconds(), s.z(), s.marked()))
            .toList());
  }
}
