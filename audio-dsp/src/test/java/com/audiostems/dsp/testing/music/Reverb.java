package com.audiostems.dsp.testing.music;

/**
 * A small Schroeder/Freeverb-style stereo reverb (four damped combs and two all-passes per channel,
 * right channel delays offset for width). Real recordings carry room sound that smears onsets and
 * decays; a dry synth is too easy.
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
    // The four combs run in one pass (one read and one write of the signal instead of four).
    int l0 = (int) ((COMBS[0] + spread) * scale);
    int l1 = (int) ((COMBS[1] + spread) * scale);
    int l2 = (int) ((COMBS[2] + spread) * scale);
    int l3 = (int) ((COMBS[3] + spread) * scale);
    float[] b0 = new float[l0];
    float[] b1 = new float[l1];
    float[] b2 = new float[l2];
    float[] b3 = new float[l3];
    int i0 = 0;
    int i1 = 0;
    int i2 = 0;
    int i3 = 0;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float fb = (float) roomSize;
    float d = (float) damping;
    float nd = 1 - d;
    for (int i = 0; i < n; i++) {
      float in = send[i];
      float o0 = b0[i0];
      float o1 = b1[i1];
      float o2 = b2[i2];
      float o3 = b3[i3];
      s0 = o0 * nd + s0 * d;
      s1 = o1 * nd + s1 * d;
      s2 = o2 * nd + s2 * d;
      s3 = o3 * nd + s3 * d;
      b0[i0] = in + s0 * fb;
      b1[i1] = in + s1 * fb;
      b2[i2] = in + s2 * fb;
      b3[i3] = in + s3 * fb;
      if (++i0 == l0) {
        i0 = 0;
      }
      if (++i1 == l1) {
        i1 = 0;
      }
      if (++i2 == l2) {
        i2 = 0;
      }
      if (++i3 == l3) {
        i3 = 0;
      }
      send[i] = o0 + o1 + o2 + o3;
    }
    for (int a : ALLPASSES) {
      int len = (int) ((a + spread) * scale);
      float[] buf = new float[len];
      int idx = 0;
      for (int i = 0; i < n; i++) {
        float bufOut = buf[idx];
        float in = send[i];
        buf[idx] = in + bufOut * 0.5f;
        send[i] = bufOut - in;
        if (++idx == len) {
          idx = 0;
        }
      }
    }
  }

  static void stereo(float[] sendLeft, float[] sendRight, int sr) {
    process(sendLeft, sr, 0, 0.82, 0.3);
    process(sendRight, sr, STEREO_SPREAD, 0.82, 0.3);
  }
}
