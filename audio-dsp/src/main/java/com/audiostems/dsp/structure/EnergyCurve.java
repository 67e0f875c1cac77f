package com.audiostems.dsp.structure;

/**
 * How energetic the music is, second by second, on a 0–1 scale, with what it was made from.
 *
 * <p>Formula, per second i: {@code energy = loudness × (1 − A + A × activity)} with A = {@value
 * #ACTIVITY_SHARE}, where
 *
 * <ul>
 *   <li>{@code loudness = clamp((L − (−40 LUFS)) / 34 LU, 0, 1)}: the EBU R128 short-term loudness
 *       L on an absolute scale, −40 LUFS (barely-there background) → 0 and −6 LUFS (a modern loud
 *       master at its loudest) → 1. Absolute, not relative to the track, so a whisper-quiet track
 *       never reads as high-energy just because it is consistent;
 *   <li>{@code activity = clamp(mean log-mel flux over the second / }{@value
 *       #FULL_ACTIVITY_FLUX_DB} {@code dB, 0, 1)}: how much new sound starts each frame (onset
 *       density × onset strength, see {@code MelFlux}); 0 for a sustained pad, 1 for dense drums.
 * </ul>
 *
 * <p>Why a product: loudness is the first-order cue of perceived energy, but a loud sustained pad
 * is calmer than equally loud drums. Scaling loudness by (0.6 + 0.4 × activity) lets activity
 * separate those (a loud pad tops out at 0.6, loud drums reach 1) while keeping quiet passages low
 * whatever their activity (quiet hi-hats are still quiet). Brightness is left out: it tracks
 * instrumentation more than energy (a bright solo flute is not energetic).
 *
 * @param energyPerSecond energy per second, 0–1 (index i covers second i of the loudness series)
 * @param shortTermLoudnessPerSecondLufs the input short-term loudness per second, LUFS
 * @param activityPerSecond the activity term per second, 0–1
 * @param trackEnergy mean energy over the seconds louder than {@value #GATE_LUFS} LUFS (the R128
 *     absolute gate, so leading and trailing silence do not dilute it), 0–1
 */
public record EnergyCurve(
    double[] energyPerSecond,
    double[] shortTermLoudnessPerSecondLufs,
    double[] activityPerSecond,
    double trackEnergy) {

  public static final double SILENT_LUFS = -40;
  public static final double LOUD_LUFS = -6;
  public static final double ACTIVITY_SHARE = 0.4;

  /** Mean positive log-mel flux (dB per frame, ≈ 43 frames/s) that counts as full activity. */
  public static final double FULL_ACTIVITY_FLUX_DB = 2.0;

  public static final double GATE_LUFS = -70;

  /**
   * The curve from the loudness meter's series and the per-frame log-mel flux.
   *
   * @param shortTermLoudnessPerSecondLufs one short-term (3 s) loudness per second, LUFS; −∞ or NaN
   *     for silence is accepted
   * @param fluxDbPerFrame positive log-mel flux per spectrogram frame, dB
   * @param frameRateHz spectrogram frames per second
   */
  public static EnergyCurve compute(
      double[] shortTermLoudnessPerSecondLufs, double[] fluxDbPerFrame, double frameRateHz) {
    int seconds = shortTermLoudnessPerSecondLufs.length;
    double[] activity = new double[seconds];
    double[] energy = new double[seconds];
    double gatedSum = 0;
    int gated = 0;
    for (int s = 0; s < seconds; s++) {
      int from = (int) Math.ceil(s * frameRateHz);
      int to = Math.min(fluxDbPerFrame.length, (int) Math.ceil((s + 1) * frameRateHz));
      double flux = 0;
      for (int f = from; f < to; f++) {
        flux += fluxDbPerFrame[f];
      }
      activity[s] = to > from ? clamp01(flux / (to - from) / FULL_ACTIVITY_FLUX_DB) : 0;
      double lufs = shortTermLoudnessPerSecondLufs[s];
      double loud =
          Double.isNaN(lufs) ? 0 : clamp01((lufs - SILENT_LUFS) / (LOUD_LUFS - SILENT_LUFS));
      energy[s] = loud * (1 - ACTIVITY_SHARE + ACTIVITY_SHARE * activity[s]);
      if (lufs > GATE_LUFS) {
        gatedSum += energy[s];
        gated++;
      }
    }
    return new EnergyCurve(
        energy, shortTermLoudnessPerSecondLufs.clone(), activity, gated > 0 ? gatedSum / gated : 0);
  }

  /** Mean energy over [startSeconds, endSeconds), 0–1; 0 when no second falls inside. */
  public double meanEnergy(double startSeconds, double endSeconds) {
    int from = Math.max(0, (int) Math.floor(startSeconds));
    int to = Math.min(energyPerSecond.length, (int) Math.ceil(endSeconds));
    double sum = 0;
    for (int s = from; s < to; s++) {
      sum += energyPerSecond[s];
    }
    return to > from ? sum / (to - from) : 0;
  }

  private static double clamp01(double v) {
    return v < 0 ? 0 : Math.min(1, v);
  }
}
