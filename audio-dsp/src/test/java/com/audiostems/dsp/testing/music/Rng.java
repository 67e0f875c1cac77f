package com.audiostems.dsp.testing.music;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Named random streams derived from the piece's seed. Each instrument and decision draws from its
 * own stream, so adding a draw in one place does not reshuffle everything else (determinism that
 * survives edits of the synthesiser as far as possible).
 */
final class Rng {

  private Rng() {}

  static RandomGenerator of(long seed, String stream) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < stream.length(); i++) {
      h = (h ^ stream.charAt(i)) * 0x100000001B3L;
    }
    return new SplittableRandom(h ^ (h >>> 29));
  }

  /** A Gaussian draw clipped to +-2.5 sigma (humanised timing never jumps a whole sixteenth). */
  static double clippedGaussian(RandomGenerator rng, double sigma) {
    double g = rng.nextGaussian();
    return sigma * Math.max(-2.5, Math.min(2.5, g));
  }
}
