package com.audiostems.activities.watermark;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The audible tag mixed into every preview, so that a listener hears it is a preview.
 *
 * @param interval time between the starts of two tags; the first starts half an interval in, so
 *     that a preview shorter than one interval still carries one
 * @param levelDb peak level of the tag in dBFS (a tone's amplitude, a sample's peak after scaling)
 * @param toneHz frequency of the tone, when no sample is configured
 * @param toneLength length of the tone, fades included
 * @param sampleFile a voice or sound sample to mix instead of the tone (any format ffmpeg decodes);
 *     null for the tone
 */
public record PreviewTagSettings(
    Duration interval, double levelDb, double toneHz, Duration toneLength, Path sampleFile) {

  /** Every 20 s, a 0.4 s 1 kHz tone at -20 dBFS. */
  public static PreviewTagSettings defaults() {
    return new PreviewTagSettings(Duration.ofSeconds(20), -20, 1000, Duration.ofMillis(400), null);
  }

  public PreviewTagSettings {
    if (interval == null || interval.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "the preview tag's interval must be 1 s or more, not " + interval);
    }
    if (!(levelDb <= 0 && levelDb >= -60)) {
      throw new IllegalArgumentException(
          "the preview tag's level-db must lie in -60..0 dBFS, not " + levelDb);
    }
    if (!(toneHz >= 100 && toneHz <= 8000)) {
      throw new IllegalArgumentException(
          "the preview tag's tone-hz must lie in 100..8000 Hz, not " + toneHz);
    }
    if (toneLength == null || toneLength.toMillis() < 50 || toneLength.compareTo(interval) >= 0) {
      throw new IllegalArgumentException(
          "the preview tag's tone-length must be at least 50 ms and shorter than its interval, not "
              + toneLength);
    }
  }

  public double intervalSeconds() {
    return interval.toMillis() / 1000.0;
  }
}
