package com.audiostems.activities.media;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.workflows.media.SourceProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The loudness of a source's downmix as the lossy encoders are given it: the source decoded with
 * the lane's channel naming ({@link ChannelLayouts}) and ffmpeg's {@code -ac} downmix into 32-bit
 * float, which every lossy encoder is fed ({@link EncoderArguments}). A downmix is not as loud as
 * its source (BS.1770 sums the power of every channel, a downmix adds some of them up and leaves
 * the LFE out): a 3.0 source's stereo MP3 measured 4 LU quieter, a 5.1 source's 14 LU, with the
 * encoder blameless. The sample rate stays the source's: resampling moves the loudness by far less
 * than the check allows.
 */
final class DownmixLoudness {
  private final PcmDecoder pcm;

  DownmixLoudness(PcmDecoder pcm) {
    this.pcm = pcm;
  }

  /**
   * @param channels the output's channel count, fewer than the source's
   * @return the downmix's integrated loudness and sample peak
   */
  LoudnessMeasurement measure(
      Path sourceFile, SourceProbe source, int channels, DoubleConsumer progressFraction)
      throws IOException {
    int rateHz = PcmDecoder.decodeRateHz(source);
    Optional<String> resampling =
        rateHz == source.sampleRateHz()
            ? Optional.empty()
            : Optional.of("aresample=" + rateHz + ":resampler=soxr");
    String filter =
        Stream.of(ChannelLayouts.naming(source), resampling)
            .flatMap(Optional::stream)
            .collect(Collectors.joining(","));
    LoudnessMeter meter = new LoudnessMeter(rateHz, channels);
    pcm.decodeThrough(
        sourceFile,
        filter.isEmpty() ? null : filter,
        channels,
        source.durationSeconds() * rateHz,
        "to measure the downmix its lossy outputs were made from",
        meter::accept,
        progressFraction);
    return meter.result();
  }
}
