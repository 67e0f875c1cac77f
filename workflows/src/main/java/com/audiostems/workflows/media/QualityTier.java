package com.audiostems.workflows.media;

/**
 * The product's source tiers, lowest first. A source below {@link #MINIMUM} is rejected.
 *
 * <ul>
 *   <li>MINIMUM: lossy at 128 kbps or more and 44.1 kHz or more.
 *   <li>STANDARD: lossless, 16-bit or more at 44.1 kHz or more.
 *   <li>HIGH: lossless, 24-bit or more at 88.2 kHz or more.
 *   <li>PROFESSIONAL: lossless 24-bit at 176.4 kHz or more, or DSD.
 * </ul>
 */
public enum QualityTier {
  MINIMUM,
  STANDARD,
  HIGH,
  PROFESSIONAL
}
