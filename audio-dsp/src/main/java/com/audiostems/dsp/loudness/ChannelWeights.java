package com.audiostems.dsp.loudness;

/**
 * Per-channel weights G_i of ITU-R BS.1770-4 (Table 3), in the channel order ffmpeg uses (FL FR FC
 * LFE BL BR for 5.1): 1.0 for left, right and centre, 1.41 (+1.5 dB) for the surrounds, 0 for the
 * LFE, which BS.1770 (and so EBU Mode) leaves out of the measurement.
 *
 * <p>A weight is linear and multiplies the channel's mean square, not its amplitude.
 */
public final class ChannelWeights {

  /** Left, right and centre. */
  public static final double FRONT = 1.0;

  /** Left and right surround (BS.1770-4 writes 1.41, not the square root of two). */
  public static final double SURROUND = 1.41;

  /** The LFE channel is excluded. */
  public static final double LFE = 0.0;

  private ChannelWeights() {}

  public static double[] mono() {
    return new double[] {FRONT};
  }

  public static double[] stereo() {
    return new double[] {FRONT, FRONT};
  }

  /** 5.0: L R C Ls Rs (ffmpeg: FL FR FC BL BR). */
  public static double[] surround50() {
    return new double[] {FRONT, FRONT, FRONT, SURROUND, SURROUND};
  }

  /** 5.1: L R C LFE Ls Rs (ffmpeg: FL FR FC LFE BL BR). */
  public static double[] surround51() {
    return new double[] {FRONT, FRONT, FRONT, LFE, SURROUND, SURROUND};
  }

  /** 7.1: L R C LFE Lb Rb Ls Rs (ffmpeg: FL FR FC LFE BL BR SL SR), all four surrounds at 1.41. */
  public static double[] surround71() {
    return new double[] {FRONT, FRONT, FRONT, LFE, SURROUND, SURROUND, SURROUND, SURROUND};
  }

  /**
   * The weights implied by a channel count alone: 1, 2, 3 channels are mono, stereo, L R C; 5 is
   * 5.0; 6 is 5.1; 8 is 7.1, all in ffmpeg's order. Any other count gets 1.0 for every channel,
   * because without a layout no channel can be known to be a surround or the LFE.
   */
  public static double[] forChannelCount(int channels) {
    if (channels <= 0) {
      throw new IllegalArgumentException("need at least one channel, got " + channels);
    }
    return switch (channels) {
      case 5 -> surround50();
      case 6 -> surround51();
      case 8 -> surround71();
      default -> {
        double[] weights = new double[channels];
        java.util.Arrays.fill(weights, FRONT);
        yield weights;
      }
    };
  }
}
