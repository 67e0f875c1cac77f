package com.audiostems.workflows.media;

import com.audiostems.workflows.watermark.PreviewMark;
import java.util.List;

/**
 * The outputs a lane stored, how long its ffmpeg process ran, and the mark it embedded in the
 * preview.
 *
 * @param previewMark what the lane's preview carries; null when the lane had no preview
 * @param previewLadder the HLS ladder it stored from the preview's samples; null when it was not
 *     asked for one
 */
public record EncodeLaneResult(
    List<EncodedOutput> outputs,
    double ffmpegSeconds,
    PreviewMark previewMark,
    HlsLadder previewLadder) {

  /** A lane without a preview. */
  public EncodeLaneResult(List<EncodedOutput> outputs, double ffmpegSeconds) {
    this(outputs, ffmpegSeconds, null, null);
  }

  /** A lane without an HLS ladder. */
  public EncodeLaneResult(
      List<EncodedOutput> outputs, double ffmpegSeconds, PreviewMark previewMark) {
    this(outputs, ffmpegSeconds, previewMark, null);
  }
}
