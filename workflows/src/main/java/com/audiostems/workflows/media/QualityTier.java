package com.audiostems.workflows.media;

/**
 * The product's source tiers, lowest first, as the contract names them. A source below {@link
 * #MINIMUM} is rejected. Their one definition (the specification's thresholds) is {@code
 * com.audiostems.dsp.quality.Tier}, which validation applies to the header and the quality report
 * to the effective properties:
 *
 * <ul>
 *   <li>MINIMUM: 44.1 kHz or more; lossy at 128 kbps or more.
 *   <li>STANDARD: 44.1 kHz or more; lossless at 16-bit or more, or lossy at 320 kbps or more.
 *   <li>HIGH: lossless, 24-bit or more at 96 kHz (88.2 kHz counts) or more.
 *   <li>PROFESSIONAL: lossless 24-bit at 192 kHz (176.4 kHz counts) or more, or DSD.
 * </ul>
 */
public enum QualityTier {
  MINIMUM,
  STANDARD,
  HIGH,
  PROFESSIONAL
}
