package com.audiostems.gateway.licences;

import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceTerms;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A licence as its workflow holds it.
 *
 * @param token the licence token for the licensee (only in the answers to a grant and an extension,
 *     which issue one); hand it over once, it is not shown again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceResponse(
    String licenceId,
    LicenceStatus status,
    LicenceTerms terms,
    Instant endsAt,
    Instant endedAt,
    String endReason,
    int extensions,
    String token,
    Links links) {

  public record Links(String self, String files) {

    static Links of(String licenceId) {
      String self = "/v1/licences/" + licenceId;
      return new Links(self, self + "/files");
    }
  }

  static LicenceResponse of(LicenceState state, String token) {
    return new LicenceResponse(
        state.licenceId(),
        state.status(),
        state.terms(),
        state.endsAt(),
        state.endedAt(),
        state.endReason(),
        state.extensions(),
        token,
        Links.of(state.licenceId()));
  }
}
