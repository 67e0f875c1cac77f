package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Whether a source meets one {@link Tier}, and if not, why (one sentence per unmet requirement,
 * including those of the lower tiers it builds on).
 */
public record TierResult(Tier tier, boolean pass, List<String> reasons) {
  public TierResult {
    reasons = List.copyOf(reasons);
  }
}
