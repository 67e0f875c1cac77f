package com.audiostems.workflows.media;

import com.audiostems.workflows.watermark.PreviewMark;
import java.util.List;

/**
 * The outputs a lane stored, how long its ffmpeg process ran, and the mark it embedded in the
 * preview.
 *
 * @param previewMark what the lane's preview carries; null when the lane had no preview
 */
public record EncodeLaneResult(
    List<EncodedOutput> outputs, double ffmpegSeconds, PreviewMark previewMark) {

  /** A lane without a preview. */
  public EncodeLaneResult(List<EncodedOutput> outputs, double ffmpegSeconds) {
    this(outputs, ffmpegSeconds, null);
  }
}
