package com.audiostems.activities.media;

import com.audiostems.workflows.media.SourceProbe;
import net.bramp.ffmpeg.probe.FFmpegFormat;
import net.bramp.ffmpeg.probe.FFmpegStream;

/** Turns ffprobe's view of a container and its chosen audio stream into a {@link SourceProbe}. */
public final class SourceProbes {
  private SourceProbes() {}

  /**
   * Duration and bit rate come from the audio stream where ffprobe reports them, else from the
   * container: in a video the container's duration is the longest stream's and its bit rate
   * includes the picture, and a 96 kbps AAC track must not pass as 190 kbps because it sits in a
   * video.
   *
   * @param audio the stream to describe; its codec_name must be set
   */
  public static SourceProbe of(FFmpegFormat format, FFmpegStream audio, long sizeBytes) {
    String codec = audio.codec_name;
    return new SourceProbe(
        format.format_name,
        codec,
        audio.index,
        audio.sample_rate,
        CodecFacts.bitDepth(
            codec, audio.bits_per_raw_sample, audio.bits_per_sample, audio.sample_fmt),
        audio.sample_fmt == null ? "" : audio.sample_fmt,
        audio.channels,
        knownLayout(audio.channel_layout),
        audio.duration > 0 ? audio.duration : Math.max(0, format.duration),
        audio.bit_rate > 0 ? audio.bit_rate : Math.max(0, format.bit_rate),
        sizeBytes,
        CodecFacts.isLossless(codec),
        CodecFacts.isDsd(codec));
  }

  private static String knownLayout(String layout) {
    return layout == null || layout.equals("unknown") ? "" : layout;
  }
}
