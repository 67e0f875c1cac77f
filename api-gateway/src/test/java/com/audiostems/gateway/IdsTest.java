package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.workflows.storage.BlobKeys;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreValidTrackIds() {
    assertThat(BlobKeys.requireTrackId(Ids.random())).hasSize(32);
    assertThat(BlobKeys.requireTrackId(Ids.derived("track", "client", "key"))).hasSize(32);
  }

  @Test
  void derivedIdsAreStableAndTellTheirPartsApart() {
    assertThat(Ids.derived("track", "client", "key"))
        .isEqualTo(Ids.derived("track", "client", "key"));
    assertThat(Ids.derived("track", "ab", "c")).isNotEqualTo(Ids.derived("track", "a", "bc"));
    assertThat(Ids.derived("track", "client-1", "key"))
        .isNotEqualTo(Ids.derived("track", "client-2", "key"));
  }
}
