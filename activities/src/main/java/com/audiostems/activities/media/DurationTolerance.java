package com.audiostems.activities.media;

import com.audiostems.workflows.media.OutputFormat;

/**
 * How many sample frames, at the output's rate, an output's decoded length may differ from the
 * source's. Measured with ffmpeg 5.1 on 2-4 s test sources:
 *
 * <ul>
 *   <li>MP3 (LAME, CBR): 0. The "Info" frame carries LAME's encoder delay and padding and ffmpeg's
 *       decoder trims both, so one frame (1152) is a generous bound.
 *   <li>AAC in .m4a: up to 1023 longer. The muxer's edit list skips the 1024 priming samples but
 *       ffmpeg 5.1 decodes the last frame whole (3 s at 48 kHz gives 384 extra), so one AAC frame.
 *   <li>Lossless at the source's rate: 0, dithered or not; the frame count cannot change.
 *   <li>Lossless resampled by soxr (integer ratios only, the planner's rule): 0 measured; a few
 *       frames allowed for the rounding of the last partial block.
 * </ul>
 */
final class DurationTolerance {
  static final int MP3_FRAME = 1152;
  static final int AAC_FRAME = 1024;
  static final int RESAMPLED_LOSSLESS_FRAMES = 4;

  private DurationTolerance() {}

  static int frames(OutputFormat format, boolean resampled) {
    return switch (format) {
      case PREVIEW_MP3_128, MP3_320 -> MP3_FRAME;
      case AAC_256 -> AAC_FRAME;
      case FLAC, ALAC, WAV_24, FLAC_96K -> resampled ? RESAMPLED_LOSSLESS_FRAMES : 0;
    };
  }
}
