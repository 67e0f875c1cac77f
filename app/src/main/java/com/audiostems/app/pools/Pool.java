package com.audiostems.app.pools;

/** The worker pools that {@code audiostems worker --pool} runs alone, one per process. */
public enum Pool {
  /** Track workflows and media activities. */
  CPU,
  /** Analysis: the CPU implementation, no GPU backend in this build. */
  GPU,
  /** The fingerprint indexes: run exactly one per catalogue. */
  CATALOGUE
}
