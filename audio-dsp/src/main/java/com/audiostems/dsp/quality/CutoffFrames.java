package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Frame by frame, whether a long-term cut-off is an encoder's low-pass: what tells an MP3/AAC
 * transcode from a synthesiser's band-limited samples (issue 15).
 *
 * <p>An MP3/AAC encoder's low-pass sits at one frequency, set by its bit rate, and every frame
 * shows it the same way: music stops dead there (a wall: {@link #WALL_DB} down within {@link
 * #WALL_GAP_BANDS} bands, nothing after it up to the Nyquist), at one frequency in frame after
 * frame, and what is left above it is the decoder's rounding, the same level whatever the music
 * does. A synthesiser's (or a sample library's) band limit belongs to each sample and to the pitch
 * it is played at: frames stop at different frequencies, some carry music past the long-term cliff,
 * and above a sample's soft filter its leakage rises and falls with the notes. Three things are
 * asked of the frames ({@link #showLowPass}):
 *
 * <ol>
 *   <li>at least {@link #MIN_WALL_FRAMES} frames stop dead within ±1 band of one frequency;
 *   <li>the level above the walls stays put: its spread (inter-quartile, over the walled frames) is
 *       at most {@link #MAX_STOP_SPREAD_DB}, unless the long-term stop band lies {@link
 *       SpectralCutoff#DEEP_STOP_DB} under the pass band (a float decode leaves the filter bank's
 *       residue there, which follows the music, 60 dB and more down; the synthesiser renders'
 *       leakage stood 20-32 dB down);
 *   <li>and the one frequency is the low-pass: at least {@link #MIN_MODAL_SHARE} of the walled
 *       frames stop there, or none stops higher (MP3 at 128k also stops frames at lower
 *       scale-factor bands), or no more than {@link #MAX_PASSING_SHARE} of the frames with music
 *       just below the long-term cut carry music past it ({@link #at}; ffmpeg's AAC at 48 kHz lets
 *       a few frames through above its usual cut, which raises the long-term cliff above the walls,
 *       hence the other two).
 * </ol>
 *
 * <p>Per frame it keeps the ~100 Hz band levels from {@link #LOWEST_HZ} to {@link #HIGHEST_HZ} (or
 * 0.99 x the Nyquist): lossy low-passes lie in there at every rate. At most {@link #MAX_FRAMES}
 * frames are kept, evenly spread over the source (every second one is dropped when full).
 *
 * <p>Measured with bench/transcode-alarm.sh on fluidsynth renders of General MIDI (FluidR3_GM,
 * TimGM6mb, MuseScore_General) and their LAME/AAC transcodes at 128-320k: see that script and
 * {@code SynthRenderTranscodeTest}.
 */
final class CutoffFrames {
  static final double LOWEST_HZ = 4000;
  static final double HIGHEST_HZ = 24_000;
  static final int MAX_FRAMES = 2048;

  /** The region just below a cut-off whose level says a frame has music there. */
  static final double BELOW_HZ = 600;

  /** Bands from this far above a cut-off are past it (an encoder's transition is narrower). */
  static final double PASS_FROM_HZ = 400;

  /** A frame has music below the cut when its level there is this far over its floor above. */
  static final double ACTIVE_OVER_FLOOR_DB = 12;

  /**
   * A band above the cut this far over the frame's floor there is music passing it: a 100 Hz band
   * of an empty (noise or dither) stop band averages 4-5 bins and rarely strays 10 dB over its
   * mean.
   */
  static final double PASS_OVER_FLOOR_DB = 10;

  /**
   * A frame's floor above the cut is this quantile of its band levels there: low enough that music
   * passing the cut over most of the stop band does not raise it.
   */
  static final double FLOOR_PERCENTILE = 0.2;

  /** Frames with music below the cut that must be seen before the frames can speak. */
  static final int MIN_ACTIVE_FRAMES = 3;

  /**
   * The share of those frames that may pass the cut, and the cut still be an encoder's: none
   * should, a quarter allows for a transient's spread and a noisy band.
   */
  static final double MAX_PASSING_SHARE = 0.25;

  /**
   * @param activeFrames frames with music just below the cut-off
   * @param passingFrames of those, frames with music above it
   * @param medianPassingEdgeHz the median of the passing frames' highest music, Hz: where a shelf's
   *     frames meet the low-pass; the cut-off when none passes
   */
  record Evidence(int activeFrames, int passingFrames, double medianPassingEdgeHz) {
    /** True unless more than {@link #MAX_PASSING_SHARE} of the active frames pass the cut-off. */
    boolean consistentWithLowPass() {
      return passingFrames <= MAX_PASSING_SHARE * activeFrames;
    }

    double passingShare() {
      return activeFrames == 0 ? 0 : (double) passingFrames / activeFrames;
    }
  }

  private final double bandHz;
  private final int firstBand;
  private final int bands;
  private final int binsPerBand;
  private final int firstBin;
  private final List<float[]> frames = new ArrayList<>();
  private int stride = 1;
  private long seen;

  /**
   * @param binHz the spectrum's bin width
   * @param sampleRateHz the source's rate
   */
  CutoffFrames(double binHz, int sampleRateHz) {
    this.binsPerBand = Math.max(1, (int) Math.round(SpectralCutoff.BAND_HZ / binHz));
    this.bandHz = binsPerBand * binHz;
    this.firstBand = (int) Math.ceil(LOWEST_HZ / bandHz);
    int last = (int) Math.floor(Math.min(HIGHEST_HZ, 0.99 * sampleRateHz / 2.0) / bandHz);
    this.bands = Math.max(0, last - firstBand);
    this.firstBin = firstBand * binsPerBand;
  }

  /** One analysed frame's power per bin (any scale: levels are compared within the frame). */
  void accept(double[] power) {
    if (bands == 0 || seen++ % stride != 0) {
      return;
    }
    float[] level = new float[bands];
    for (int b = 0; b < bands; b++) {
      double p = 0;
      int from = firstBin + b * binsPerBand;
      for (int k = from; k < from + binsPerBand; k++) {
        p += power[k];
      }
      level[b] = (float) Math.max(SpectralCutoff.FLOOR_DB, Units.powerDb(p / binsPerBand));
    }
    frames.add(level);
    if (frames.size() == MAX_FRAMES) {
      for (int i = 0; i < MAX_FRAMES / 2; i++) {
        frames.set(i, frames.get(2 * i));
      }
      frames.subList(MAX_FRAMES / 2, MAX_FRAMES).clear();
      stride *= 2;
    }
  }

  /**
   * A wall: the mean of the {@link #WALL_BELOW_BANDS} bands below an edge stands this far over
   * every band from {@link #WALL_GAP_BANDS} above it to the top. An encoder's low-pass falls 30-45
   * dB within 200 Hz (LAME and ffmpeg's AAC, measured); music's own roll-off a few dB per kHz.
   */
  static final double WALL_DB = 15;

  static final int WALL_BELOW_BANDS = 3;
  static final int WALL_GAP_BANDS = 2;

  /**
   * A wall stands where the music is: the bands below it within {@link SpectralCutoff#DEEP_STOP_DB}
   * of the loudest of the {@code MUSIC_BANDS} (~2 kHz) below. A float decode's filter-bank residue
   * above the low-pass, 60 dB and more down, has edges of its own that are not the encoder's.
   */
  static final int MUSIC_BANDS = 20;

  /**
   * Frames that must stop dead at one frequency: two frames can agree by chance (a TimGM6mb
   * render's two notes of one sample did); the transcodes in the bench show walls in most frames
   * with music up there.
   */
  static final int MIN_WALL_FRAMES = 3;

  /**
   * The share of walled frames at the one frequency that makes it a low-pass even when some frames
   * pass the long-term cut: the defect suite's transcodes put 57-100 % of their walls there.
   */
  static final double MIN_MODAL_SHARE = 0.5;

  /**
   * Spread (inter-quartile, dB) of the level above the walls: a 16-bit decode of a transcode leaves
   * its rounding floor there, within a dB from frame to frame; a MuseScore_General render's leakage
   * above its samples' filters moved 6 dB with the music.
   */
  static final double MAX_STOP_SPREAD_DB = 3;

  /**
   * Frames whose music stops dead, and where.
   *
   * @param framesWithWall frames with a wall at or above the search's lowest frequency
   * @param modalWallHz the frequency (±1 band) where the most walls stand, Hz
   * @param modalFrames the walls there
   * @param framesAboveModal walls higher up: none when the modal wall is a ceiling
   * @param stopSpreadDb the inter-quartile spread of the walled frames' levels above their wall
   */
  record Walls(
      int framesWithWall,
      double modalWallHz,
      int modalFrames,
      int framesAboveModal,
      double stopSpreadDb) {
    double modalShare() {
      return framesWithWall == 0 ? 0 : (double) modalFrames / framesWithWall;
    }
  }

  /** Each kept frame's highest wall at or above {@code fromHz}, and where most of them stand. */
  Walls walls(double fromHz) {
    int[] atBand = new int[bands];
    List<Double> stopDb = new ArrayList<>();
    double[] maxAbove = new double[bands + 1];
    int from = Math.max(WALL_BELOW_BANDS, (int) Math.round(fromHz / bandHz) - firstBand);
    for (float[] level : frames) {
      maxAbove[bands] = Double.NEGATIVE_INFINITY;
      for (int b = bands - 1; b >= 0; b--) {
        maxAbove[b] = Math.max(maxAbove[b + 1], level[b]);
      }
      // At least three bands above a wall, so that "nothing after it" means something.
      for (int e = bands - WALL_GAP_BANDS - 3; e >= from; e--) {
        double below = meanDb(level, e - WALL_BELOW_BANDS, e);
        if (below - maxAbove[e + WALL_GAP_BANDS] >= WALL_DB
            && below >= max(level, e - MUSIC_BANDS, e) - SpectralCutoff.DEEP_STOP_DB) {
          atBand[e]++;
          // The median band: the filter's skirt just above the wall must not set the level.
          double stop = percentile(level, e + WALL_GAP_BANDS, bands, 0.5);
          stopDb.add(stop);
          break;
        }
      }
    }
    int modal = 0;
    int modalFrames = 0;
    for (int b = 1; b + 1 < bands; b++) {
      int n = atBand[b - 1] + atBand[b] + atBand[b + 1];
      if (n > modalFrames) {
        modalFrames = n;
        modal = b;
      }
    }
    stopDb.sort(null);
    int n = stopDb.size();
    double spread = n == 0 ? 0 : stopDb.get(3 * (n - 1) / 4) - stopDb.get((n - 1) / 4);
    int above = 0;
    for (int b = modal + 2; b < bands; b++) {
      above += atBand[b];
    }
    return new Walls(n, (firstBand + modal) * bandHz, modalFrames, above, spread);
  }

  /**
   * Whether the kept frames show an encoder's low-pass for a long-term cut-off (see the class
   * comment for the three conditions).
   *
   * @param cut the long-term cut-off
   * @param walls {@link #walls} from the lowest frequency a lossy low-pass is looked for at this
   *     rate
   */
  boolean showLowPass(SpectralCutoff cut, Walls walls) {
    boolean steadyFloor =
        walls.stopSpreadDb() <= MAX_STOP_SPREAD_DB || cut.dropDb() >= SpectralCutoff.DEEP_STOP_DB;
    if (walls.modalFrames() < MIN_WALL_FRAMES || !steadyFloor) {
      return false;
    }
    return walls.modalShare() >= MIN_MODAL_SHARE
        || walls.framesAboveModal() == 0
        || nonePassing(cut.cutoffHz());
  }

  /**
   * None (within {@link #MAX_PASSING_SHARE}) of the frames with music below the cut-off carry it
   * past, or, when some do (MP3 at 128-192 kbps codes the bands over 16 kHz only in loud frames, so
   * the long-term cliff can be that shelf), the frames that pass all stop at one common ceiling,
   * the low-pass, which none passes in turn. Too few frames with music below the cut-off to tell
   * count as none passing.
   */
  private boolean nonePassing(double cutoffHz) {
    Evidence atCut = at(cutoffHz);
    if (atCut.activeFrames() < MIN_ACTIVE_FRAMES || atCut.consistentWithLowPass()) {
      return true;
    }
    Evidence atCeiling = at(atCut.medianPassingEdgeHz());
    return atCeiling.activeFrames() >= MIN_ACTIVE_FRAMES && atCeiling.consistentWithLowPass();
  }

  /** What the kept frames say about a cut-off at {@code cutoffHz}. */
  Evidence at(double cutoffHz) {
    int cut = (int) Math.round(cutoffHz / bandHz) - firstBand;
    int below = Math.max(1, (int) Math.round(BELOW_HZ / bandHz));
    int pass = cut + (int) Math.ceil(PASS_FROM_HZ / bandHz);
    if (cut - below < 0 || pass >= bands) {
      return new Evidence(0, 0, cutoffHz);
    }
    int active = 0;
    List<Integer> edges = new ArrayList<>();
    for (float[] level : frames) {
      double floor = percentile(level, pass, bands, FLOOR_PERCENTILE);
      if (meanDb(level, cut - below, cut) < floor + ACTIVE_OVER_FLOOR_DB) {
        continue;
      }
      active++;
      // Music, not a decoder's rounding crumbs over an all-zero stop band: within the depth that
      // makes a low-pass whatever its texture (SpectralCutoff.DEEP_STOP_DB) of the music below.
      double music =
          Math.max(
              floor + PASS_OVER_FLOOR_DB,
              meanDb(level, cut - below, cut) - SpectralCutoff.DEEP_STOP_DB);
      for (int b = bands - 1; b >= pass; b--) {
        if (level[b] >= music) {
          edges.add(b);
          break;
        }
      }
    }
    edges.sort(null);
    double median =
        edges.isEmpty() ? cutoffHz : (firstBand + edges.get(edges.size() / 2) + 1) * bandHz;
    return new Evidence(active, edges.size(), median);
  }

  /** The q-quantile of the band levels [from, to). */
  private static double percentile(float[] levelDb, int from, int to, double q) {
    float[] sorted = java.util.Arrays.copyOfRange(levelDb, from, to);
    java.util.Arrays.sort(sorted);
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  private static double max(float[] levelDb, int from, int to) {
    double m = Double.NEGATIVE_INFINITY;
    for (int b = Math.max(0, from); b < to; b++) {
      m = Math.max(m, levelDb[b]);
    }
    return m;
  }

  /** The level of the mean power over bands [from, to). */
  private static double meanDb(float[] levelDb, int from, int to) {
    double p = 0;
    for (int b = from; b < to; b++) {
      p += Math.pow(10, levelDb[b] / 10);
    }
    return Units.powerDb(p / Math.max(1, to - from));
  }
}
