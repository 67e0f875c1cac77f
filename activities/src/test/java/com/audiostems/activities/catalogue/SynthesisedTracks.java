package com.audiostems.activities.catalogue;

import com.audiostems.dsp.testing.music.Mode;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthesised pieces for the catalogue's tests and benchmark: style, tempo and key vary with the
 * seed, so that tracks differ as much as the synthesiser allows. Mono at {@value #RATE_HZ} Hz (the
 * fingerprinter works from 8 kHz; a lower rate renders faster).
 */
public final class SynthesisedTracks {

  public static final int RATE_HZ = 22_050;

  private SynthesisedTracks() {}

  /** A piece of {@code seconds} that depends only on {@code seed}. */
  public static float[] render(long seed, double seconds) {
    Style[] styles = Style.values();
    SplittableRandom r = new SplittableRandom(seed * 7919 + 17);
    PieceSpec spec =
        PieceSpec.builder()
            .style(styles[(int) Math.floorMod(seed, (long) styles.length)])
            .tempoBpm(80 + r.nextInt(80))
            .key(r.nextInt(12), r.nextBoolean() ? Mode.MAJOR : Mode.MINOR)
            .durationSeconds(seconds)
            .sampleRateHz(RATE_HZ)
            .seed(seed)
            .build();
    return MusicSynth.render(spec).mono().samples();
  }

  /** {@code seconds} of {@code x} from {@code startSeconds}. */
  public static float[] excerpt(float[] x, double startSeconds, double seconds) {
    int from = (int) Math.round(startSeconds * RATE_HZ);
    int to = Math.min(x.length, from + (int) Math.round(seconds * RATE_HZ));
    return Arrays.copyOfRange(x, from, to);
  }

  /**
   * {@code x} played {@code speed} times faster (time and pitch together, as a turntable or a radio
   * edit does), by linear interpolation.
   */
  public static float[] speedUp(float[] x, double speed) {
    int n = (int) Math.floor((x.length - 1) / speed);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double t = i * speed;
      int j = (int) t;
      double f = t - j;
      y[i] = (float) ((1 - f) * x[j] + f * x[j + 1]);
    }
    return y;
  }

  /** {@code x} plus white noise at {@code snrDb} below its RMS level. */
  public static float[] withNoise(float[] x, double snrDb, long seed) {
    double power = 0;
    for (float v : x) {
      power += (double) v * v;
    }
    double sigma = Math.sqrt(power / Math.max(1, x.length)) * Math.pow(10, -snrDb / 20);
    SplittableRandom r = new SplittableRandom(seed);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      // Sum of uniforms: near-Gaussian and cheap.
      double g = r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5;
      y[i] = (float) (x[i] + sigma * 2 * g);
    }
    return y;
  }
}
