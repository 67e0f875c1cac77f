package com.audiostems.activities.media;

import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.SourceProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one filter that changes samples between decoder and encoder (after {@link ChannelLayouts} has
 * named the channels, which changes none): an {@code aresample} that changes the rate (soxr, 28-bit
 * precision) and/or requantises a lossless output to its bit depth with triangular dither. Outputs
 * that {@link BitExactRule} covers get none, so their samples arrive untouched; lossy outputs are
 * only resampled (their encoders take floating point, nothing to dither). No loudness processing,
 * ever.
 */
public final class SampleConversion {
  private SampleConversion() {}

  /**
   * @param encoderSampleFormat the sample format the encoder is given, e.g. "s16", "s32p"
   * @return the {@code -af} value, or empty when the samples pass unchanged
   */
  static Optional<String> filter(SourceProbe source, OutputSpec spec, String encoderSampleFormat) {
    boolean resample = spec.sampleRateHz() != source.sampleRateHz();
    boolean requantise =
        spec.format().lossless()
            && !BitExactRule.applies(source, spec.format(), spec.sampleRateHz(), spec.bitDepth());
    if (!resample && !requantise) {
      return Optional.empty();
    }
    List<String> options = new ArrayList<>();
    if (resample) {
      options.addAll(resampleOptions(spec));
    }
    if (requantise) {
      options.add("osf=" + encoderSampleFormat);
      if (spec.bitDepth() < 32 && encoderSampleFormat.startsWith("s32")) {
        // 24 bits travel in 32-bit samples; the encoder keeps the top 24, so the dither has to
        // be scaled to the 24th bit rather than the 32nd.
        options.add("output_sample_bits=" + spec.bitDepth());
      }
      options.add("dither_method=triangular");
    }
    return Optional.of("aresample=" + String.join(":", options));
  }

  /**
   * The rate change alone, exactly as {@link #filter} makes it for {@code spec} from a stream at
   * {@code sourceRateHz}: for a decoder that must reproduce an output's samples before Java changes
   * them (a licensee's marked copy), so that they are resampled as the published output was.
   *
   * @return the {@code -af} value, or empty when the rate stays
   */
  public static Optional<String> resampling(int sourceRateHz, OutputSpec spec) {
    return sourceRateHz == spec.sampleRateHz()
        ? Optional.empty()
        : Optional.of("aresample=" + String.join(":", resampleOptions(spec)));
  }

  private static List<String> resampleOptions(OutputSpec spec) {
    List<String> options = new ArrayList<>();
    options.add("osr=" + spec.sampleRateHz());
    options.add("resampler=soxr");
    options.add("precision=28");
    if (spec.format().lossless()) {
      // swr would otherwise run soxr in single precision, whose 24-bit mantissa is no better
      // than the 24-bit output it feeds.
      options.add("internal_sample_fmt=dblp");
    }
    return options;
  }
}
