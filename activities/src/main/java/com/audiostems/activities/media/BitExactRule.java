package com.audiostems.activities.media;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Set;

/**
 * When an output must carry exactly the source's samples. The encoder then lets no filter touch
 * them and the verifier compares decoded PCM hashes; otherwise the encoder resamples and/or dithers
 * and the verifier checks the duration. One rule serves both, so they cannot disagree.
 */
final class BitExactRule {
  private static final Set<String> FLOAT_SAMPLE_FORMATS = Set.of("flt", "fltp", "dbl", "dblp");

  private BitExactRule() {}

  /**
   * True for a lossless output at the source's sample rate and at least its bit depth, from a
   * lossless integer PCM-type source (not DSD, not lossy, not floating point: those are always
   * requantised).
   */
  static boolean applies(SourceProbe source, OutputFormat format, int sampleRateHz, int bitDepth) {
    return format.lossless()
        && source.lossless()
        && !source.dsd()
        && !isFloat(source)
        && source.bitDepth() > 0
        && sampleRateHz == source.sampleRateHz()
        && bitDepth >= source.bitDepth();
  }

  static boolean isFloat(SourceProbe source) {
    return (source.codec() != null && source.codec().startsWith("pcm_f"))
        || (source.sampleFormat() != null && FLOAT_SAMPLE_FORMATS.contains(source.sampleFormat()));
  }
}
