package com.audiostems.dsp.tonal;

/**
 * The tunable choices of the key analyser, in one place so that tests can compare variants.
 *
 * <p>The defaults were chosen on the accuracy suite plus 120 other synthetic pieces: accuracy was
 * flat for a harmonic rolloff of 0.6–0.8 (90–92 % exact) and fell to 84 % without the sieve; a
 * peak-weight exponent of 0.5 beat 1.0; chroma compression 0.4–0.5 beat none.
 *
 * @param harmonicRolloff amplitude ratio between successive harmonics assumed by the {@link
 *     HarmonicSieve} (0 keeps overtones as they are)
 * @param weightExponent a peak's chroma weight is (residual / frame's largest residual) to this
 *     power: below 1 compresses, so that one loud bass note does not outweigh the chord above it
 * @param tuningTopDb peaks that vote for the tuning are within this many dB of the frame's largest
 * @param chromaCompression the track chroma is raised to this power before it is matched (see
 *     {@link KeyMatcher})
 * @param major major-key profile by scale degree
 * @param minor minor-key profile by scale degree
 * @param softmaxTemperature see {@link KeyMatcher}
 */
record KeySettings(
    double harmonicRolloff,
    double weightExponent,
    double tuningTopDb,
    double chromaCompression,
    double[] major,
    double[] minor,
    double softmaxTemperature) {

  static KeySettings defaults() {
    return new KeySettings(
        0.7,
        0.5,
        30,
        0.5,
        KeyProfiles.KRUMHANSL.of(Mode.MAJOR),
        KeyProfiles.KRUMHANSL.of(Mode.MINOR),
        0.02);
  }
}
