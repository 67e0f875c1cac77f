package com.audiostems.workflows.media;

import com.audiostems.workflows.storage.BlobKeys;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, from the probed source, which outputs exist and at which sample rate, bit depth and
 * channel count. Pure and deterministic: the workflow calls it directly.
 *
 * <p>Rules: masters are never upsampled and never loudness-processed. Lossless outputs keep the
 * source's rate (up to 192 kHz, staying in the source's 44.1/48 kHz family) and depth (16 stays 16,
 * anything deeper becomes 24, with triangular dither when that drops bits). Lossy outputs are 44.1
 * kHz for sources of the 44.1 kHz family and DSD, 48 kHz otherwise, and at most stereo. ALAC is
 * made only of channels it can hold as they are ({@link AlacLayouts}).
 */
public final class OutputPlanner {
  static final int MAX_LOSSLESS_RATE_HZ = 192_000;
  static final int HIRES_FLAC_RATE_HZ = 96_000;
  static final int HIRES_MIN_SOURCE_RATE_HZ = 88_200;

  private OutputPlanner() {}

  /** The first version's plan. */
  public static OutputPlan plan(String trackId, SourceProbe source, Set<OutputFormat> requested) {
    return plan(trackId, 1, source, requested);
  }

  /**
   * Today's plan.
   *
   * @param version the output version the keys are made for
   * @param requested formats asked for; empty or null means every format
   */
  public static OutputPlan plan(
      String trackId, int version, SourceProbe source, Set<OutputFormat> requested) {
    return plan(trackId, version, source, requested, true);
  }

  /**
   * @param alacOwnLayoutsOnly whether ALAC is left out for a layout it cannot hold ({@link
   *     AlacLayouts}); false only for workflow histories from before that rule
   */
  public static OutputPlan plan(
      String trackId,
      int version,
      SourceProbe source,
      Set<OutputFormat> requested,
      boolean alacOwnLayoutsOnly) {
    Set<OutputFormat> formats =
        requested == null || requested.isEmpty()
            ? EnumSet.allOf(OutputFormat.class)
            : EnumSet.copyOf(requested);
    List<OutputSpec> outputs = new ArrayList<>();
    List<AbsentOutput> absent = new ArrayList<>();
    int losslessRate = losslessRateHz(source);
    int losslessDepth = losslessBitDepth(source);
    int lossyRate = lossyRateHz(source);
    int lossyChannels = Math.min(2, source.channels());
    for (OutputFormat format : formats) {
      String key = BlobKeys.outputKey(trackId, version, format);
      switch (format) {
        case PREVIEW_MP3_128 ->
            outputs.add(new OutputSpec(format, key, lossyRate, 0, lossyChannels, 128));
        case MP3_320 -> outputs.add(new OutputSpec(format, key, lossyRate, 0, lossyChannels, 320));
        case AAC_256 -> outputs.add(new OutputSpec(format, key, lossyRate, 0, lossyChannels, 256));
        case FLAC ->
            outputs.add(
                new OutputSpec(format, key, losslessRate, losslessDepth, source.channels(), 0));
        case ALAC -> {
          var notHeld =
              alacOwnLayoutsOnly
                  ? AlacLayouts.whyNot(source.channels(), source.channelLayout())
                  : java.util.Optional.<String>empty();
          if (notHeld.isPresent()) {
            absent.add(new AbsentOutput(format, notHeld.get()));
          } else {
            outputs.add(
                new OutputSpec(format, key, losslessRate, losslessDepth, source.channels(), 0));
          }
        }
        case WAV_24 ->
            outputs.add(new OutputSpec(format, key, losslessRate, 24, source.channels(), 0));
        case FLAC_96K -> {
          if (source.sampleRateHz() < HIRES_MIN_SOURCE_RATE_HZ) {
            absent.add(
                new AbsentOutput(
                    format,
                    "Source is "
                        + source.sampleRateHz()
                        + " Hz; the high-resolution FLAC needs a source of 88.2 kHz or more and we never upsample."));
          } else {
            // An 88.2 kHz source stays at 88.2 kHz: going to 96 kHz would be upsampling.
            int rate = Math.min(HIRES_FLAC_RATE_HZ, source.sampleRateHz());
            outputs.add(new OutputSpec(format, key, rate, 24, source.channels(), 0));
          }
        }
      }
    }
    return new OutputPlan(List.copyOf(outputs), List.copyOf(absent));
  }

  static boolean isFamily44k(int sampleRateHz) {
    return sampleRateHz % 11_025 == 0;
  }

  static int losslessRateHz(SourceProbe source) {
    int rate = source.sampleRateHz();
    while (rate > MAX_LOSSLESS_RATE_HZ && rate % 2 == 0) {
      rate /= 2; // 352.8 kHz -> 176.4 kHz, DSD64's 2.8224 MHz -> 176.4 kHz: integer ratios only
    }
    return rate;
  }

  static int losslessBitDepth(SourceProbe source) {
    if (!source.dsd() && source.bitDepth() > 0 && source.bitDepth() <= 16) {
      return 16;
    }
    return 24;
  }

  static int lossyRateHz(SourceProbe source) {
    return source.dsd() || isFamily44k(source.sampleRateHz()) ? 44_100 : 48_000;
  }
}
