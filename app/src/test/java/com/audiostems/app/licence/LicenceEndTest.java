package com.audiostems.app.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenceEndTest {
  private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

  @Test
  void aLengthCountsFromTheGrant() {
    assertThat(LicenceEnd.parse("30d").after(NOW)).isEqualTo("2027-01-06T15:00:00Z");
    assertThat(LicenceEnd.parse("12h").after(NOW)).isEqualTo("2026-12-08T03:00:00Z");
    assertThat(LicenceEnd.parse("90m").after(NOW)).isEqualTo("2026-12-07T16:30:00Z");
    assertThat(LicenceEnd.parse("45s").after(NOW)).isEqualTo("2026-12-07T15:00:45Z");
    assertThat(LicenceEnd.parse("P365D").after(NOW)).isEqualTo("2027-12-07T15:00:00Z");
  }

  @Test
  void aDateIsCoveredWholeAndAnInstantIsExact() {
    assertThat(LicenceEnd.parse("2027-06-30").after(NOW)).isEqualTo("2027-07-01T00:00:00Z");
    assertThat(LicenceEnd.parse("2027-06-30T12:00:00Z").after(NOW))
        .isEqualTo("2027-06-30T12:00:00Z");
  }

  @Test
  void anythingElseIsRefusedNamingTheForms() {
    for (String bad : new String[] {"", "0d", "-3d", "soon", "2027-13-01", "PT0S"}) {
      assertThatThrownBy(() -> LicenceEnd.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("length from now");
    }
  }
}
