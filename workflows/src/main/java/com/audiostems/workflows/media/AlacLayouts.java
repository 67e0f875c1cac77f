package com.audiostems.workflows.media;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The channel layouts an ALAC file can declare: one per channel count, 1 to 8 (Apple's ALAC
 * specification; ffmpeg's {@code ff_alac_ch_layouts}, here by ffmpeg's names). Handed any other
 * layout, ffmpeg's ALAC encoder does not reorder but remixes to the nearest of these, measured by
 * hand (ffmpeg 5.1): 2.1 became stereo (its LFE mixed away), quad became 5.0 (a silent centre
 * added) and 7.1 became 6.1(back) (its side channels mixed into the back ones). A library must not
 * ship such a file as the lossless master, so ALAC is left out for those sources and the FLAC and
 * WAV carry their channels.
 */
public final class AlacLayouts {
  /** ALAC's layout per channel count (index = channels). */
  private static final String[] BY_COUNT = {
    null, "mono", "stereo", "3.0", "4.0", "5.0", "5.1", "6.1(back)", "7.1(wide)"
  };

  public static final int MAX_CHANNELS = BY_COUNT.length - 1;

  /**
   * How ffprobe describes a layout that is only a count, or a custom mask: "3 channels", "2
   * channels (FC+LFE)". Such channels claim no standard positions; they are named by ALAC's layout
   * for the count before any encoder sees them.
   */
  private static final Pattern UNNAMED = Pattern.compile("\\d+ channels.*");

  private AlacLayouts() {}

  /** ALAC's layout for {@code channels} (1 to {@link #MAX_CHANNELS}). */
  public static String forCount(int channels) {
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("ALAC has no layout of " + channels + " channels");
    }
    return BY_COUNT[channels];
  }

  /** Whether ffprobe's {@code layout} names no standard positions (blank, or only a count). */
  public static boolean isUnnamed(String layout) {
    return layout == null || layout.isBlank() || UNNAMED.matcher(layout).matches();
  }

  /**
   * Whether ALAC holds the source's channels as they are: an unnamed layout, ALAC's own for the
   * count, or 5.0/5.1 with side instead of back surrounds (ALAC's surrounds are Apple's Ls/Rs, and
   * ffmpeg moves side to back one to one, bit for bit).
   */
  public static boolean holds(int channels, String layout) {
    if (channels < 1 || channels > MAX_CHANNELS) {
      return false;
    }
    if (isUnnamed(layout)) {
      return true;
    }
    String own = BY_COUNT[channels];
    return layout.equals(own) || layout.equals(own + "(side)");
  }

  /** Why ALAC cannot hold the source's channels, worded for the manifest; empty when it can. */
  public static Optional<String> whyNot(int channels, String layout) {
    if (holds(channels, layout)) {
      return Optional.empty();
    }
    if (channels > MAX_CHANNELS) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "ALAC holds at most %d channels and this source has %d; the FLAC and WAV keep every"
                  + " channel.",
              MAX_CHANNELS,
              channels));
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "ALAC declares %d channels only as %s, and this source is %s: an ALAC would remix its"
                + " channels or play them from the wrong speakers. The FLAC and WAV keep every"
                + " channel as it is.",
            channels,
            BY_COUNT[channels],
            layout));
  }
}
