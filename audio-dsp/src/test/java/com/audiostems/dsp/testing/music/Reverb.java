package com.audiostems.dsp.testing.music;

/**
 * A small Schroeder/Freeverb-style stereo reverb (four damped combs and two all-passes per
 * channel, right channel delays offset for width). Real recordings carry room sound that smears
 * onsets and decays; a dry synth is too easy.
 */
final class Reverb {

  private Reverb() {}

  private static final int[] COMBS = {1116, 1188, 1277, 1356};
  private static final int[] ALLPASSES = {556, 441};
  private static final int STEREO_SPREAD = 23;

  /** Processes the send in place into the wet signal. */
  static void process(float[] send, int sr, int spread, double roomSize, double damping) {
    double scale = sr / 44_100.0;
    int n = send.length;
    float[] wet = new float[n];
    for (int c : COMBS) {
      int len = (int) ((c + spread) * scale);
      float[] buf = new float[len];
      int idx = 0;
      double store = 0;
      for (int i = 0; i < n; i++) {
        double out = buf[idx];
        store = out * (1 - damping) + store * damping;
        buf[idx] = (float) (send[i] + store * roomSize);
        if (++idx == len) {
          idx = 0;
        }
        wet[i] += (float) out;
      }
    }
    for (int a : ALLPASSES) {
      int len = (int) ((a + spread) * scale);
      float[] buf = new float[len];
      int idx = 0;
      for (int i = 0; i < n; i++) {
        double bufOut = buf[idx];
        double in = wet[i];
        buf[idx] = (float) (in + bufOut * 0.5);
        wet[i] = (float) (bufOut - in);
        if (++idx == len) {
          idx = 0;
        }
      }
    }
    System.arraycopy(wet, 0, send, 0, n);
  }

  static void stereo(float[] sendLeft, float[] sendRight, int sr) {
    process(sendLeft, sr, 0, 0.82, 0.3);
    process(sendRight, sr, STEREO_SPREAD, 0.82, 0.3);
  }
}
