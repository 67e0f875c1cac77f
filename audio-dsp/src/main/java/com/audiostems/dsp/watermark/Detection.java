package com.audiostems.dsp.watermark;

import java.util.List;

/**
 * What {@link WatermarkDetector#detect} found.
 *
 * @param payload the decoded payload, or null when no mark was found
 * @param keyId id of the key that matched, or null
 * @param confidence z-score of the whole input against the re-encoded mark, each band and loudness
 *     class weighted by its measured mark-to-noise ratio (about 0 on unmarked audio; a detection
 *     needs the CRC-32 and at least {@link PayloadDecoder#MIN_Z})
 * @param bitErrors coded bits (498 in version 1, 1,024 in version 2) whose accumulated soft value
 *     had the wrong sign, i.e. the errors the convolutional code corrected
 * @param speed how much faster than the marked original the input plays (1.0, or 0.99 / 1.023 ...),
 *     as the detector measured and undid it
 * @param pitchKept true when the input was time-stretched (pitch kept), false when its speed
 *     changed by resampling (pitch moved with it) or did not change
 * @param timeline where along the input the mark is present and consistent with the payload
 * @param markVersion the {@link MarkVersion#number()} the mark was written in, 0 when none found
 */
public record Detection(
    Payload payload,
    String keyId,
    double confidence,
    int bitErrors,
    double speed,
    boolean pitchKept,
    List<Segment> timeline,
    int markVersion) {

  static final Detection NONE = new Detection(null, null, 0, 0, 1, false, List.of(), 0);

  public boolean found() {
    return payload != null;
  }

  /**
   * A stretch of the input (about 2 s), in seconds of the input, with the z-score of its data bins
   * against the re-encoded payload at the detected alignment; {@code marked} when z >= 3. Stretches
   * that were cut, replaced or shifted, or carry another payload or key, show up as unmarked.
   */
  public record Segment(double startSeconds, double endSeconds, double z, boolean marked) {}
}
