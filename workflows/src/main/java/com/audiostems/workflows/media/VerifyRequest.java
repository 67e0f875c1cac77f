package com.audiostems.workflows.media;

import com.audiostems.workflows.analysis.TrackAnalysis;
import java.util.List;

/**
 * Decode the outputs and compare them with the validated source (its decoded length and PCM digest:
 * the source itself is not read again for those) and, for outputs that are not bit-exact, with the
 * loudness of what their encoder was given: the source's as the analysis measured it, or, for an
 * output with fewer channels than the source, that of the source's downmix, measured from the
 * source at {@code sourceKey}.
 *
 * @param sourceLoudness the source's EBU R128 figures; null when unknown (no loudness check then)
 * @param sourceKey the source's storage key; null in requests from before it was carried (a
 *     downmixed output's loudness is then not checked)
 */
public record VerifyRequest(
    String trackId,
    ValidatedSource source,
    List<EncodedOutput> outputs,
    TrackAnalysis.Loudness sourceLoudness,
    String sourceKey) {

  /** A request that names no source key. */
  public VerifyRequest(
      String trackId,
      ValidatedSource source,
      List<EncodedOutput> outputs,
      TrackAnalysis.Loudness sourceLoudness) {
    this(trackId, source, outputs, sourceLoudness, null);
  }
}
