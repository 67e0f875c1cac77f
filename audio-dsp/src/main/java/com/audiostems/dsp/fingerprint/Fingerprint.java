package com.audiostems.dsp.fingerprint;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The landmark hashes of one recording: parallel arrays, one entry per peak triplet, in anchor time
 * order. Plain arrays and numbers, so that a later step can store it anywhere (Lucene, OpenSearch,
 * a file) without this class.
 *
 * <p>For the layout of {@code hashes} see {@link Fingerprinter}. {@code anchorFrames[i]} is the
 * frame of the triplet's first peak ({@link #frameRateHz()} frames per second); {@code
 * anchorPitches[i]} is that peak's frequency in 1/32 semitone above {@link Fingerprinter#F_REF_HZ}
 * (it is what the matcher uses to measure the speed ratio); {@code probeHints[i]} says which of the
 * hash's quantised fields lay close to a quantisation edge, so that a query may also look up the
 * neighbouring value (bits 0–1: the time ratio, 2–3: Δpitch 2→3, 4–5: Δpitch 1→2; in each pair 01 =
 * also try +1, 10 = also try −1). Hints matter only on the query side; an index ignores them.
 *
 * @param hashes 32-bit landmark hashes (only the low {@link Fingerprinter#HASH_BITS} bits are used)
 * @param anchorFrames frame index of each hash's anchor peak
 * @param anchorPitches anchor frequency, 1/32 semitone units above {@link Fingerprinter#F_REF_HZ}
 * @param probeHints near-edge flags for multi-probe lookups (query side)
 * @param frameRateHz frames per second of {@code anchorFrames}
 * @param durationSeconds duration of the fingerprinted audio
 */
public record Fingerprint(
    int[] hashes,
    int[] anchorFrames,
    int[] anchorPitches,
    byte[] probeHints,
    double frameRateHz,
    double durationSeconds)
    implements Serializable {

  public Fingerprint {
    int n = hashes.length;
    if (anchorFrames.length != n || anchorPitches.length != n || probeHints.length != n) {
      throw new IllegalArgumentException("parallel arrays differ in length");
    }
  }

  public int size() {
    return hashes.length;
  }

  /** Hashes per second of audio. */
  public double hashesPerSecond() {
    return durationSeconds > 0 ? hashes.length / durationSeconds : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && Arrays.equals(hashes, f.hashes)
        && Arrays.equals(anchorFrames, f.anchorFrames)
        && Arrays.equals(anchorPitches, f.anchorPitches)
        && Arrays.equals(probeHints, f.probeHints)
        && frameRateHz == f.frameRateHz
        && durationSeconds == f.durationSeconds;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes) * 31 + Arrays.hashCode(anchorFrames);
  }

  @Override
  public String toString() {
    return "Fingerprint[" + hashes.length + " hashes, " + durationSeconds + " s]";
  }
}
