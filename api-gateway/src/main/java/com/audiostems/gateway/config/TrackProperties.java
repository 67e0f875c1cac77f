package com.audiostems.gateway.config;

import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.catalogue.ReviewTimeoutPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway puts into every track it starts.
 *
 * @param encodeLanes ffmpeg processes one track may run side by side on the CPU workers; the
 *     gateway cannot see the workers, so set it to their core count
 * @param duplicatePolicy what an upload that is already a published track does when the start
 *     request does not say (reject, or link-as-alternate)
 * @param reviewTimeout how long a track that matches a reference work waits for an operator
 * @param onReviewTimeout what happens to it when nobody decides in time (reject or approve)
 */
@Validated
@ConfigurationProperties("audiostems.gateway.tracks")
public record TrackProperties(
    @Min(1) @Max(64) int encodeLanes,
    @DefaultValue("reject") DuplicatePolicy duplicatePolicy,
    @DefaultValue("7d") Duration reviewTimeout,
    @DefaultValue("reject") ReviewTimeoutPolicy onReviewTimeout) {

  public TrackProperties {
    if (reviewTimeout.isNegative() || reviewTimeout.isZero()) {
      throw new IllegalArgumentException(
          "audiostems.gateway.tracks.review-timeout must be positive, was " + reviewTimeout);
    }
  }

  /** The catalogue policy of a track: the request's duplicate policy, or the configured one. */
  public CataloguePolicy cataloguePolicy(DuplicatePolicy requested) {
    return new CataloguePolicy(
        requested != null ? requested : duplicatePolicy,
        reviewTimeout.toSeconds(),
        onReviewTimeout);
  }
}
