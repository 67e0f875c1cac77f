package com.audiostems.dsp.rhythm;

import java.util.ArrayList;
import java.util.List;

/**
 * Global tempo and beats: autocorrelation candidates (the strongest periodicities and their ×2, ×½,
 * ×3, ×⅓ relatives), each tracked by the beat tracker and scored as the beat by
 *
 * <ul>
 *   <li>the accents at and between its beats ({@link LevelEvidence}: not too slow, not too fast,
 *       regular),
 *   <li>its periodicity (mean autocorrelation at its multiples, relative to the best),
 *   <li>whether the harmony's period ({@link BarPeriod}, usually the bar) is 3 or 4 of its beats,
 *   <li>a broad tempo prior.
 * </ul>
 *
 * <p>Why not the usual prior around 120 BPM: it turns every slow piece into double time. Here the
 * music decides first; the prior is broad (one octave either side of {@link #PRIOR_CENTRE_BPM}
 * costs about 30%) except below 50 BPM, where beats are rarely heard.
 */
final class TempoEstimator {

  static final double PRIOR_CENTRE_BPM = 110;

  /** Where the low-tempo floor of the prior halves a candidate's score. */
  static final double SLOWEST_BEAT_BPM = 50;

  /** How quickly the floor falls: from 0.9 to 0.1 over about 4.4 times this. */
  static final double SLOWEST_BEAT_WIDTH_BPM = 3.5;

  /** Width of the log-normal tempo prior, in octaves. */
  static final double PRIOR_OCTAVES = 1.2;

  private TempoEstimator() {}

  /**
   * @param estimate the tempo and its alternatives
   * @param beatsFrames the beats of the winning level, in envelope frames
   * @param periodFrames the expected beat period at every frame
   * @param pulseClarity normalised autocorrelation at the beat period, 0–1
   */
  record Result(
      TempoEstimate estimate,
      int[] beatsFrames,
      double[] periodFrames,
      double pulseClarity,
      TempoLevels levels) {}

  static Result estimate(OnsetFeatures features) {
    return estimate(features, false);
  }

  /**
   * @param withLevels whether to measure {@link TempoLevels} too: the first tempo model's input,
   *     which only the feature dumps still write (tracking 8 readings doubled the rhythm analysis)
   */
  static Result estimate(OnsetFeatures features, boolean withLevels) {
    OnsetEnvelope envelope = features.broadband();
    float[] accent = features.accent().strength();
    float[] env = envelope.strength();
    double rate = envelope.frameRateHz();
    double[] r = Autocorrelation.normalized(env, PeriodCandidates.maxLagFrames(rate));
    List<PeriodCandidates.Period> candidates = PeriodCandidates.find(r, rate);
    if (candidates.isEmpty()) {
      return new Result(
          TempoEstimate.none(), new int[0], new double[env.length], 0, TempoLevels.none());
    }
    PeriodCandidates.Period base = candidates.get(0);
    double[] baseCurve = LocalPeriod.curve(env, rate, base.frames());
    double maxPeriodicity = Math.max(1e-9, base.periodicity());

    double[] bar = BarPeriod.estimate(features.bandLevels(), rate);
    int count = candidates.size();
    double[] scores = new double[count];
    int[][] beats = new int[count][];
    double[][] curves = new double[count][];
    int best = 0;
    for (int i = 0; i < count; i++) {
      PeriodCandidates.Period c = candidates.get(i);
      double ratio = c.frames() / base.frames();
      double[] curve = new double[env.length];
      for (int t = 0; t < curve.length; t++) {
        curve[t] = baseCurve[t] * ratio;
      }
      beats[i] = BeatTracker.track(env, curve);
      curves[i] = curve;
      LevelEvidence evidence = LevelEvidence.of(accent, rate, beats[i], curve);
      double bpm = 60 * rate / c.frames();
      double periodicity = Math.max(0, c.periodicity()) / maxPeriodicity;
      double barFit = barFit(bar, c.frames());
      scores[i] = evidence.merit() * Math.sqrt(periodicity) * prior(bpm) * barFit;
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    double total = 0;
    double second = 0;
    for (int i = 0; i < count; i++) {
      total += scores[i];
      if (i != best) {
        second = Math.max(second, scores[i]);
      }
    }
    List<TempoCandidate> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double bpm = 60 * rate / candidates.get(i).frames();
      list.add(new TempoCandidate(bpm, total > 0 ? scores[i] / total : 0));
    }
    list.sort((a, b) -> Double.compare(b.score(), a.score()));
    double periodFrames = candidates.get(best).frames();
    double bpm = 60 * rate / periodFrames;
    // The tracked beats give the mean tempo over the piece (the autocorrelation favours where the
    // tempo dwells); trust them when they agree with the level chosen.
    double fromBeats = meanBeatTempo(beats[best], rate);
    if (fromBeats > 0 && Math.abs(fromBeats / bpm - 1) < BEAT_TEMPO_AGREEMENT) {
      bpm = fromBeats;
    }
    double clarity = Math.max(0, Math.min(1, Autocorrelation.at(r, periodFrames)));
    double margin = scores[best] > 0 ? 2 * scores[best] / (scores[best] + second) - 1 : 0;
    TempoEstimate estimate =
        new TempoEstimate(bpm, clarity * margin, bpm / 2, bpm * 2, List.copyOf(list));
    TempoLevels levels =
        withLevels
            ? levels(features, r, bar, baseCurve, base.frames(), maxPeriodicity, estimate, clarity)
            : TempoLevels.none();
    return new Result(estimate, beats[best], curves[best], clarity, levels);
  }

  /**
   * The features of each reading in {@link TempoLevels#RATIOS} of {@code estimate}: each is tracked
   * like a candidate (the local period curve scaled to it) and measured as the score above measures
   * candidates, plus the low band's periodicity (kick and bass mark the beat and the bar).
   */
  static TempoLevels levels(
      OnsetFeatures features,
      double[] r,
      double[] bar,
      double[] baseCurve,
      double baseFrames,
      double maxPeriodicity,
      TempoEstimate estimate,
      double clarity) {
    OnsetEnvelope envelope = features.broadband();
    double rate = envelope.frameRateHz();
    // Tracking 8 levels over a whole song cost 1 s per 5 minutes (the rhythm analysis took 0.13 s):
    // the levels are judged on the middle LEVEL_WINDOW_SECONDS, the length the model trained on and
    // more.
    int length = envelope.strength().length;
    int window = (int) Math.min(length, LEVEL_WINDOW_SECONDS * rate);
    int from = (length - window) / 2;
    float[] env = java.util.Arrays.copyOfRange(envelope.strength(), from, from + window);
    float[] accent =
        java.util.Arrays.copyOfRange(features.accent().strength(), from, from + window);
    baseCurve = java.util.Arrays.copyOfRange(baseCurve, from, from + window);
    double[] low =
        Autocorrelation.normalized(
            features.lowBand().strength(), PeriodCandidates.maxLagFrames(rate));
    double onsetsPerSecond = OnsetRate.perSecond(envelope);
    int n = TempoLevels.RATIOS.length;
    float[][] out = new float[n][TempoLevels.FEATURE_NAMES.size()];
    LevelEvidence[] evidence = new LevelEvidence[n];
    double maxOn = 1e-9;
    for (int i = 0; i < n; i++) {
      double bpm = estimate.bpm() * TempoLevels.RATIOS[i];
      double frames = 60 * rate / bpm;
      double[] curve = new double[env.length];
      double scale = frames / baseFrames;
      for (int t = 0; t < curve.length; t++) {
        curve[t] = baseCurve[t] * scale;
      }
      evidence[i] = LevelEvidence.of(accent, rate, BeatTracker.track(env, curve), curve);
      maxOn = Math.max(maxOn, evidence[i].onStrength());
      double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2);
      float[] f = out[i];
      f[0] = (float) octaves;
      f[1] = (float) (octaves * octaves);
      f[2] = (float) (Math.max(0, PeriodCandidates.periodicity(r, frames)) / maxPeriodicity);
      f[3] = (float) Autocorrelation.at(r, Math.min(frames, r.length - 2));
      f[4] = (float) PeriodCandidates.periodicity(low, frames);
      f[6] = (float) evidence[i].subdivision();
      f[7] = (float) evidence[i].evenness();
      f[8] = (float) evidence[i].regularity();
      f[9] = (float) Math.log(barFit(bar, frames));
      f[10] = (float) estimate.scoreOf(bpm);
      f[11] = (float) (Math.log(Math.max(1e-3, onsetsPerSecond * 60 / bpm)) / Math.log(2));
      f[12] = (float) clarity;
    }
    for (int i = 0; i < n; i++) {
      out[i][5] = (float) (evidence[i].onStrength() / maxOn);
    }
    return new TempoLevels(estimate.bpm(), out);
  }

  /** How much of a track the tempo levels are tracked on (its middle), seconds. */
  static final double LEVEL_WINDOW_SECONDS = 60;

  /**
   * Beat-derived and periodicity tempi further apart than this: keep the periodicity's (the tracker
   * lost the level). Within it the beats win: on a ramp the autocorrelation peak sits nearer the
   * end where the tempo dwells, the beats give the true mean.
   */
  static final double BEAT_TEMPO_AGREEMENT = 0.15;

  /**
   * 60 × frame rate over the mean inter-beat interval, leaving out intervals more than 30% from the
   * median (gaps in a break, a doubled beat); 0 with fewer than 8 beats.
   */
  static double meanBeatTempo(int[] beats, double rate) {
    int n = beats.length;
    if (n < 8) {
      return 0;
    }
    int[] intervals = new int[n - 1];
    for (int k = 0; k + 1 < n; k++) {
      intervals[k] = beats[k + 1] - beats[k];
    }
    int[] sorted = intervals.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double sum = 0;
    int kept = 0;
    for (int d : intervals) {
      if (Math.abs(d / median - 1) <= 0.3) {
        sum += d;
        kept++;
      }
    }
    return kept < 4 ? 0 : 60 * rate / (sum / kept);
  }

  /** How much a fitting harmony period multiplies a candidate's score (times its strength). */
  static final double BAR_WEIGHT = 3;

  /**
   * How a candidate beat period fits the harmony's period: {@code 1 + BAR_WEIGHT * r} when the
   * harmony period is 3 or 4 of these beats (a bar), {@code 1 + BAR_WEIGHT * r / 2} when it is 6 or
   * 8 (two bars: progressions often change chord every other bar, or the two-bar repeat is the
   * stronger autocorrelation peak), 1 when it is 2 (half bars) or 9, 12, 16 (three or four bars,
   * which say nothing about 3 against 4), and {@code 1 / (1 + BAR_WEIGHT * r)} otherwise.
   *
   * <p>Two bars used to count as neutral and three as a misfit: a fast waltz whose harmony repeated
   * every two or three bars then favoured two-thirds or a third of its tempo (the harmony period
   * was 4 or 3 of those "beats").
   */
  static double barFit(double[] bar, double periodFrames) {
    if (bar[0] <= 0 || bar[1] <= 0) {
      return 1;
    }
    double ratio = bar[0] / periodFrames;
    double boost = 1 + BAR_WEIGHT * bar[1];
    for (int k : new int[] {3, 4}) {
      if (Math.abs(ratio / k - 1) < 0.05) {
        return boost;
      }
    }
    for (int k : new int[] {6, 8}) {
      if (Math.abs(ratio / k - 1) < 0.05) {
        return 1 + TWO_BAR_SHARE * BAR_WEIGHT * bar[1];
      }
    }
    for (int k : new int[] {2, 9, 12, 16}) {
      if (Math.abs(ratio / k - 1) < 0.05) {
        return 1;
      }
    }
    return 1 / boost;
  }

  /** The share of the full boost that a two-bar harmony period gives. */
  static final double TWO_BAR_SHARE = 0.5;

  /**
   * Broad log-normal preference for moderate tempi (1 at {@link #PRIOR_CENTRE_BPM}), times a
   * logistic floor that fades out beats slower than about {@link #SLOWEST_BEAT_BPM}: listeners
   * hardly ever tap a beat longer than 1.2 s, they subdivide it (a "beat" at 40 BPM is a bar or a
   * half bar). The floor does nothing above 65 BPM, so slow pieces stay slow.
   */
  static double prior(double bpm) {
    double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2) / PRIOR_OCTAVES;
    double floor = 1 / (1 + Math.exp(-(bpm - SLOWEST_BEAT_BPM) / SLOWEST_BEAT_WIDTH_BPM));
    return Math.exp(-0.5 * octaves * octaves) * floor;
  }
}
