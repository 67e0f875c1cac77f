package com.audiostems.activities.media;

import com.audiostems.workflows.media.AlacLayouts;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;

/**
 * Names the channels of a source whose layout has no name before any encoder sees them. ffmpeg
 * hands a decoder's unnamed layout ("2 channels": a TAK file) or a custom one ("2 channels
 * (FC+LFE)": a WAV's odd channel mask) to the encoder as it is, and the AAC encoder refuses both
 * ("Unsupported channel layout"). The channels are named, in order, by the layout ALAC stores for
 * that count ({@link AlacLayouts}): ALAC is the pickiest of our encoders and remixes any other
 * layout into its own, so ffmpeg's default 2.1 for three channels came back from ALAC as other
 * samples in each channel. {@code channelmap} renames, it does not mix, so every sample stays where
 * it was and bit-exact outputs remain bit-exact. A downmix ({@code -ac}) then starts from a named
 * layout.
 */
final class ChannelLayouts {
  private ChannelLayouts() {}

  /** The {@code -af} element that names the source's channels, or empty when they have a name. */
  static Optional<String> naming(SourceProbe source) {
    int channels = source.channels();
    if (!AlacLayouts.isUnnamed(source.channelLayout())
        || channels < 1
        || channels > AlacLayouts.MAX_CHANNELS) {
      return Optional.empty();
    }
    return Optional.of(rename(channels));
  }

  /**
   * The naming for one output: {@link #naming}, and for ALAC also a named layout that ALAC holds
   * under another name (5.1 with side surrounds is ALAC's 5.1): renamed, so that the encoder is
   * given its own layout and nothing is left for ffmpeg to remix. The planner makes no ALAC of a
   * layout ALAC cannot hold.
   */
  static Optional<String> naming(SourceProbe source, OutputFormat format) {
    int channels = source.channels();
    if (format == OutputFormat.ALAC
        && !AlacLayouts.isUnnamed(source.channelLayout())
        && AlacLayouts.holds(channels, source.channelLayout())
        && !source.channelLayout().equals(AlacLayouts.forCount(channels))) {
      return Optional.of(rename(channels));
    }
    return naming(source);
  }

  /** The layout name that {@link #naming} gives {@code channels} (1 to 8). */
  static String defaultLayout(int channels) {
    return AlacLayouts.forCount(channels);
  }

  private static String rename(int channels) {
    return "channelmap=channel_layout=" + AlacLayouts.forCount(channels);
  }
}
