package com.audiostems.activities.media;

import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the channels of a source whose layout has no name before any encoder sees them. ffmpeg
 * hands a decoder's unnamed layout ("2 channels": a TAK file) or a custom one ("2 channels
 * (FC+LFE)": a WAV's odd channel mask) to the encoder as it is, and the AAC encoder refuses both
 * ("Unsupported channel layout"). The channels are named, in order, by the layout ALAC stores for
 * that count: ALAC is the pickiest of our encoders and reorders channels into its own layouts, so
 * ffmpeg's default 2.1 for three channels came back from ALAC as other samples in each channel.
 * {@code channelmap} renames, it does not mix, so every sample stays where it was and bit-exact
 * outputs remain bit-exact. A downmix ({@code -ac}) then starts from a named layout.
 */
final class ChannelLayouts {
  /** ALAC's layout per channel count (ff_alac_ch_layouts), index = channels. */
  private static final String[] DEFAULT_BY_COUNT = {
    null, "mono", "stereo", "3.0", "4.0", "5.0", "5.1", "6.1(back)", "7.1(wide)"
  };

  /**
   * How ffprobe describes a layout that is only a count, or a custom mask: "2 channels (FC+LFE)".
   */
  private static final Pattern UNNAMED = Pattern.compile("\\d+ channels.*");

  private ChannelLayouts() {}

  /** The {@code -af} element that names the source's channels, or empty when they have a name. */
  static Optional<String> naming(SourceProbe source) {
    String layout = source.channelLayout() == null ? "" : source.channelLayout();
    int channels = source.channels();
    if (!(layout.isBlank() || UNNAMED.matcher(layout).matches())
        || channels < 1
        || channels >= DEFAULT_BY_COUNT.length) {
      return Optional.empty();
    }
    return Optional.of("channelmap=channel_layout=" + defaultLayout(channels));
  }

  /** The layout name that {@link #naming} gives {@code channels} (1 to 8). */
  static String defaultLayout(int channels) {
    return DEFAULT_BY_COUNT[channels];
  }
}
