package com.audiostems.workflows.watermark;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Watermark work on the audio-cpu queue: arguments are storage keys, results are facts. */
@ActivityInterface
public interface WatermarkActivities {

  /**
   * Decodes the stored file and looks for a mark with every configured key; a found payload is
   * resolved to its track through the registry.
   */
  @ActivityMethod
  WatermarkDetection detectWatermark(DetectWatermarkRequest request);
}
