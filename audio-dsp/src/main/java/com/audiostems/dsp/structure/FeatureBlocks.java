package com.audiostems.dsp.structure;

/**
 * Frame features averaged over blocks of about half a second (or between beats): the time grid of
 * the self-similarity analysis. Frame-rate features (23 ms) are too fine and noisy for sections
 * that last tens of seconds, and a 0.5 s grid makes a 5-minute matrix 600 × 600.
 *
 * @param features {@code [block][dimension]} mean feature vectors
 * @param startSeconds start time of each block
 * @param endSeconds end time of each block
 */
public record FeatureBlocks(double[][] features, double[] startSeconds, double[] endSeconds) {

  public int size() {
    return features.length;
  }

  /** Blocks of {@code blockSeconds} from 0 on (the last one may be shorter). */
  public static FeatureBlocks fixed(
      double[][] frameFeatures, double frameRateHz, double blockSeconds) {
    int framesPerBlock = Math.max(1, (int) Math.round(blockSeconds * frameRateHz));
    int frames = frameFeatures.length;
    int blocks = (frames + framesPerBlock - 1) / framesPerBlock;
    int[] startFrame = new int[blocks + 1];
    for (int b = 0; b < blocks; b++) {
      startFrame[b] = b * framesPerBlock;
    }
    startFrame[blocks] = frames;
    return average(frameFeatures, frameRateHz, startFrame);
  }

  /**
   * Blocks from beat to beat, consecutive beats merged until a block lasts at least {@code
   * minBlockSeconds} (fast tempi would otherwise give noisy 0.2 s blocks); the stretch before the
   * first beat and after the last are blocks too.
   */
  public static FeatureBlocks beatSynchronous(
      double[][] frameFeatures,
      double frameRateHz,
      double[] beatTimesSeconds,
      double minBlockSeconds) {
    int frames = frameFeatures.length;
    int[] cuts = new int[beatTimesSeconds.length + 2];
    int n = 0;
    cuts[n++] = 0;
    for (double t : beatTimesSeconds) {
      int frame = (int) Math.round(t * frameRateHz);
      if (frame <= cuts[n - 1] || frame >= frames) {
        continue;
      }
      if ((frame - cuts[n - 1]) / frameRateHz >= minBlockSeconds) {
        cuts[n++] = frame;
      }
    }
    if (n > 1 && (frames - cuts[n - 1]) / frameRateHz < minBlockSeconds) {
      n--; // fold a too-short tail into the last block
    }
    cuts[n++] = frames;
    return average(frameFeatures, frameRateHz, java.util.Arrays.copyOf(cuts, n));
  }

  private static FeatureBlocks average(
      double[][] frameFeatures, double frameRateHz, int[] startFrame) {
    int blocks = startFrame.length - 1;
    int dims = frameFeatures.length > 0 ? frameFeatures[0].length : 0;
    double[][] features = new double[Math.max(0, blocks)][dims];
    double[] start = new double[Math.max(0, blocks)];
    double[] end = new double[Math.max(0, blocks)];
    for (int b = 0; b < blocks; b++) {
      int from = startFrame[b];
      int to = startFrame[b + 1];
      for (int f = from; f < to; f++) {
        for (int d = 0; d < dims; d++) {
          features[b][d] += frameFeatures[f][d];
        }
      }
      for (int d = 0; d < dims; d++) {
        features[b][d] /= Math.max(1, to - from);
      }
      start[b] = from / frameRateHz;
      end[b] = to / frameRateHz;
    }
    return new FeatureBlocks(features, start, end);
  }
}
