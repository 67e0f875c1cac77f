package com.audiostems.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackStage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Each criterion against manifests read from JSON, as the search reads them from the store. */
class TrackSearchCriteriaTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A published manifest: A minor at 128.4 BPM, effective tier HIGH. */
  private static final TrackManifest A_MINOR_128 =
      manifest(
          "{\"version\":1,\"analysis\":{\"tempo\":{\"bpm\":128.4},"
              + "\"key\":{\"name\":\"A minor\",\"shortName\":\"Am\"}},"
              + "\"quality\":{\"score\":88,\"effectiveTier\":\"HIGH\"}}");

  @Test
  void noCriteriaMatchEveryTrackEvenOneWithNothingPublished() {
    TrackSearchCriteria any = TrackSearchCriteria.parse(null, null, null, null, null);
    assertThat(any.matches(TrackStage.ENCODING, null)).isTrue();
    assertThat(any.matches(null, null)).isTrue();
  }

  @Test
  void stageMatchesExactlyAndAnUnknownStageMatchesNoStageSearch() {
    TrackSearchCriteria published = TrackSearchCriteria.parse("published", null, null, null, null);
    assertThat(published.matches(TrackStage.PUBLISHED, A_MINOR_128)).isTrue();
    assertThat(published.matches(TrackStage.REPROCESSING, A_MINOR_128)).isFalse();
    assertThat(published.matches(null, A_MINOR_128)).isFalse();
  }

  @Test
  void tierIsThePublishedSourcesEffectiveTierExactly() {
    assertThat(criteria(null, "HIGH", null, null, null).matches(null, A_MINOR_128)).isTrue();
    assertThat(criteria(null, "STANDARD", null, null, null).matches(null, A_MINOR_128)).isFalse();
    assertThat(criteria(null, "HIGH", null, null, null).matches(TrackStage.ENCODING, null))
        .as("nothing published, no tier")
        .isFalse();
  }

  @Test
  void keyMatchesItsNameOrShortNameIgnoringCase() {
    assertThat(criteria(null, null, "a minor", null, null).matches(null, A_MINOR_128)).isTrue();
    assertThat(criteria(null, null, "Am", null, null).matches(null, A_MINOR_128)).isTrue();
    assertThat(criteria(null, null, "A", null, null).matches(null, A_MINOR_128)).isFalse();
    assertThat(criteria(null, null, "C major", null, null).matches(null, A_MINOR_128)).isFalse();
  }

  @Test
  void bpmRangeIsInclusiveAndOpenAtAMissingEnd() {
    assertThat(criteria(null, null, null, 128.4, 128.4).matches(null, A_MINOR_128)).isTrue();
    assertThat(criteria(null, null, null, 120.0, null).matches(null, A_MINOR_128)).isTrue();
    assertThat(criteria(null, null, null, null, 128.0).matches(null, A_MINOR_128)).isFalse();
    assertThat(criteria(null, null, null, 129.0, 140.0).matches(null, A_MINOR_128)).isFalse();
    TrackManifest noTempo = manifest("{\"version\":1,\"analysis\":{}}");
    assertThat(criteria(null, null, null, 0.0, 300.0).matches(null, noTempo))
        .as("a track whose analysis found no tempo is not in any BPM range")
        .isFalse();
  }

  @Test
  void everyCriterionMustHold() {
    assertThat(
            criteria("PUBLISHED", "HIGH", "Am", 120.0, 130.0)
                .matches(TrackStage.PUBLISHED, A_MINOR_128))
        .isTrue();
    assertThat(
            criteria("PUBLISHED", "HIGH", "Am", 130.0, 140.0)
                .matches(TrackStage.PUBLISHED, A_MINOR_128))
        .isFalse();
  }

  @Test
  void valuesThatNameNothingAreRefusedSayingWhatWould() {
    assertThatThrownBy(() -> criteria("ENCODED", null, null, null, null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getDetail()).contains("PUBLISHED"));
    assertThatThrownBy(() -> criteria(null, "GOLD", null, null, null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getDetail()).contains("PROFESSIONAL"));
    assertThatThrownBy(() -> criteria(null, null, null, 140.0, 120.0))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getDetail()).contains("swap"));
  }

  private static TrackSearchCriteria criteria(
      String stage, String tier, String key, Double bpmMin, Double bpmMax) {
    return TrackSearchCriteria.parse(stage, tier, key, bpmMin, bpmMax);
  }

  private static TrackManifest manifest(String json) {
    try {
      return JSON.readValue(json, TrackManifest.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
