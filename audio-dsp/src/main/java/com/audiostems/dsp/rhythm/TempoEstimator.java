package com.audiostems.dsp.rhythm;

import java.util.ArrayList;
import java.util.List;

/**
 * Global tempo and beats: autocorrelation candidates, each tracked by the beat tracker and judged
 * as the beat by the accents at and between its beats ({@link LevelEvidence}).
 *
 * <p>Why not the usual prior around 120 BPM: it turns every slow piece into double time. Here the
 * music decides: the level whose beats carry the accents with nothing as strong between them
 * wins; the prior is broad (one octave either side of {@link #PRIOR_CENTRE_BPM} costs about 30%)
 * and only settles near-ties.
 */
final class TempoEstimator {

  static final double PRIOR_CENTRE_BPM = 110;

  /** Width of the log-normal tempo prior, in octaves. */
  static final double PRIOR_OCTAVES = 1.2;

  static final boolean DEBUG = Boolean.getBoolean("rhythm.debug");

  private TempoEstimator() {}

  /**
   * @param estimate the tempo and its alternatives
   * @param beatsFrames the beats of the winning level, in envelope frames
   * @param periodFrames the expected beat period at every frame
   * @param pulseClarity normalised autocorrelation at the beat period, 0–1
   */
  record Result(TempoEstimate estimate, int[] beatsFrames, double[] periodFrames, double pulseClarity) {}

  /**
   * @param envelope the onset envelope the beats are tracked on
   * @param accent the accent envelope the metrical levels are judged on (same frames)
   */
  static Result estimate(OnsetEnvelope envelope, float[] accent) {
    float[] env = envelope.strength();
    double rate = envelope.frameRateHz();
    double[] r = Autocorrelation.normalized(env, PeriodCandidates.maxLagFrames(rate));
    List<PeriodCandidates.Period> candidates = PeriodCandidates.find(r, rate);
    if (candidates.isEmpty()) {
      return new Result(TempoEstimate.none(), new int[0], new double[env.length], 0);
    }
    PeriodCandidates.Period base = candidates.get(0);
    double[] baseCurve = LocalPeriod.curve(env, rate, base.frames());
    double maxPeriodicity = Math.max(1e-9, base.periodicity());

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
      scores[i] = evidence.merit() * Math.sqrt(periodicity) * prior(bpm);
      if (DEBUG) {
        System.out.printf("   cand %6.1f per %.2f %s score %.3f%n", bpm, periodicity, evidence, scores[i]);
      }
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
    double clarity = Math.max(0, Math.min(1, Autocorrelation.at(r, periodFrames)));
    double margin = scores[best] > 0 ? 2 * scores[best] / (scores[best] + second) - 1 : 0;
    TempoEstimate estimate = new TempoEstimate(bpm, clarity * margin, bpm / 2, bpm * 2, List.copyOf(list));
    return new Result(estimate, beats[best], curves[best], clarity);
  }

  /** Broad log-normal preference for moderate tempi; 1 at {@link #PRIOR_CENTRE_BPM}. */
  static double prior(double bpm) {
    double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2) / PRIOR_OCTAVES;
    return Math.exp(-0.5 * octaves * octaves);
  }
}
