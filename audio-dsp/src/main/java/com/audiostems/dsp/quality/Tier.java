package com.audiostems.dsp.quality;

/**
 * Delivery tiers, each judged on the source's <em>effective</em> properties (what the samples
 * show), never on its header. Each tier includes the requirements of the ones before it.
 *
 * <ul>
 *   <li>{@link #MINIMUM}: effective bit depth ≥ 16, effective sample rate ≥ 44.1 kHz, effective
 *       bandwidth ≥ 15 kHz, and no ERROR finding other than a lossy-transcode signature (a decent
 *       lossy-sourced file is usable, a broken one is not).
 *   <li>{@link #STANDARD}: no ERROR finding at all (so no 128 kbps-class lossy signature, no heavy
 *       clipping, no inverted polarity...).
 *   <li>{@link #HIGH}: no lossy signature and no clipping of any severity above INFO, and at most
 *       {@link TierRules#HIGH_MAX_WARNINGS} WARNING findings.
 *   <li>{@link #PROFESSIONAL}: effective bit depth ≥ 24, effective sample rate ≥ 48 kHz, and no
 *       WARNING findings at all.
 * </ul>
 */
public enum Tier {
  MINIMUM,
  STANDARD,
  HIGH,
  PROFESSIONAL
}
