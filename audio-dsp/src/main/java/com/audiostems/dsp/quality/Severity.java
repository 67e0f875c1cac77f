package com.audiostems.dsp.quality;

/** How much a finding matters for a catalogue. */
public enum Severity {
  /** Worth knowing; never affects a tier. */
  INFO,
  /** A defect a listener may notice; lowers the score, may fail the higher tiers. */
  WARNING,
  /** A defect that makes the file unfit at the tiers that check it. */
  ERROR
}
