package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.file.Path;
import net.bramp.ffmpeg.probe.FFmpegFormat;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;

/**
 * Measures a file's first audio stream with ffprobe (through the runner's time-limited ffprobe).
 */
final class AudioFileProbe {
  private final MediaProcessRunner runner;

  AudioFileProbe(MediaProcessRunner runner) {
    this.runner = runner;
  }

  MeasuredAudio measure(Path file) throws IOException {
    FFmpegProbeResult result = runner.probe(file);
    FFmpegStream audio =
        result.streams == null
            ? null
            : result.streams.stream()
                .filter(s -> s.codec_type == CodecType.AUDIO)
                .findFirst()
                .orElse(null);
    if (audio == null) {
      throw new IOException("ffprobe finds no audio stream in " + file.getFileName());
    }
    FFmpegFormat format = result.format;
    long bitRate = audio.bit_rate > 0 ? audio.bit_rate : format == null ? 0 : format.bit_rate;
    double duration = audio.duration > 0 ? audio.duration : format == null ? 0 : format.duration;
    int bits = audio.bits_per_raw_sample > 0 ? audio.bits_per_raw_sample : audio.bits_per_sample;
    return new MeasuredAudio(
        audio.codec_name, bitRate, audio.sample_rate, bits, audio.channels, duration);
  }
}
