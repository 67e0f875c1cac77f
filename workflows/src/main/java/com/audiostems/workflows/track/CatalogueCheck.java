package com.audiostems.workflows.track;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.LookupRequest;
import com.audiostems.workflows.catalogue.ReviewDecision;
import com.audiostems.workflows.catalogue.ReviewTimeoutPolicy;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A track against the catalogue: its fingerprint looked up among published tracks and reference
 * works, the catalogue policy applied to what matched, and the track entered into or taken out of
 * the index.
 */
final class CatalogueCheck {
  private final TrackState track;

  /** The operator's decision on a reference match, once signalled during the hold. */
  private ReviewDecision decision;

  CatalogueCheck(TrackState track) {
    this.track = track;
  }

  /**
   * Looks the fingerprint up and applies the policy: a duplicate is rejected or linked as an
   * alternate version; a reference-work match holds the track for an operator's review. A source
   * too short to fingerprint is looked up all the same (the same commands for every track), matches
   * nothing, and the manifest says why.
   */
  TrackManifest.Identification identify(FingerprintRef fingerprint, CataloguePolicy policy) {
    CatalogueMatches matches =
        index("look the fingerprint up among published tracks and reference works")
            .lookup(new LookupRequest(track.trackId, fingerprint.key()));
    String alternateOf = null;
    if (!matches.tracks().isEmpty()) {
      CatalogueMatch best = matches.tracks().get(0);
      if (policy.duplicates() == DuplicatePolicy.REJECT) {
        throw ApplicationFailure.newNonRetryableFailure(
            "This recording is already in the catalogue: it matches track "
                + best.describe()
                + ". It was not published. To keep it as an alternate version of that track, upload it again"
                + " with the duplicate policy LINK_AS_ALTERNATE.",
            TrackFailures.DUPLICATE_TRACK,
            matches);
      }
      alternateOf = best.id();
    }
    TrackManifest.Review review =
        matches.references().isEmpty() ? null : holdForReview(matches, policy);
    return new TrackManifest.Identification(
        fingerprint.key(),
        fingerprint.hashesPerSecond(),
        alternateOf,
        matches.tracks(),
        matches.references(),
        review,
        fingerprint.skippedReason());
  }

  /** The operator's decision, taken while the track is held and nobody has decided yet. */
  void decide(ReviewDecision decision) {
    if (track.stage == TrackStage.HELD_FOR_REVIEW && this.decision == null && decision != null) {
      this.decision = decision;
    }
  }

  /** The catalogue's index, for adding a published track and removing a deleted one. */
  static CatalogueActivities index(String summary) {
    return TrackActivities.stub(CatalogueActivities.class, TrackActivityOptions.CATALOGUE, summary);
  }

  /** Published tracks are what later uploads are checked against. */
  static CatalogueEntry entry(TrackState track, FingerprintRef fingerprint) {
    return new CatalogueEntry(track.trackId, track.title, fingerprint.key());
  }

  /**
   * Waits for an operator to approve or reject a track that matches a reference work; the policy
   * decides when nobody does in time. A rejection fails the track, compensated like any.
   */
  private TrackManifest.Review holdForReview(CatalogueMatches matches, CataloguePolicy policy) {
    track.enter(TrackStage.HELD_FOR_REVIEW);
    track.heldFor = matches.references();
    track.failure =
        "held for review: matches reference work "
            + matches.references().get(0).describe()
            + ". Approve or reject with the reviewReferenceMatch signal.";
    track.showDetails();
    boolean decided =
        Workflow.await(Duration.ofSeconds(policy.reviewTimeoutSeconds()), () -> decision != null);
    String now = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    TrackManifest.Review review =
        decided
            ? new TrackManifest.Review(
                decision.approve(), decision.reviewer(), decision.note(), now)
            : new TrackManifest.Review(
                policy.onReviewTimeout() == ReviewTimeoutPolicy.APPROVE,
                "timeout",
                "no decision within "
                    + policy.reviewTimeoutSeconds()
                    + " s; policy "
                    + policy.onReviewTimeout(),
                now);
    track.failure = null;
    track.heldFor = List.of();
    if (!review.approved()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The recording matches the reference work "
              + matches.references().get(0).describe()
              + " and was rejected by "
              + review.reviewer()
              + (review.note() == null || review.note().isBlank() ? "" : " (" + review.note() + ")")
              + ". It was not published.",
          TrackFailures.COPYRIGHT_REVIEW_REJECTED,
          matches);
    }
    return review;
  }
}
