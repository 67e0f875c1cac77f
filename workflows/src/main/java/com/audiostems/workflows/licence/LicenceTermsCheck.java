package com.audiostems.workflows.licence;

import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a grant must hold before a licence exists: a typed failure a person can act on, if not. */
final class LicenceTermsCheck {
  private LicenceTermsCheck() {}

  /**
   * @param now the workflow's time: a term that has already ended grants nothing
   * @throws ApplicationFailure non-retryable, of type {@link LicenceFailures#INVALID_TERMS}, naming
   *     every problem
   */
  static void requireValid(LicenceGrant grant, Instant now) {
    List<String> problems = problems(grant, now);
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Licence "
              + (grant == null ? "" : grant.licenceId() + " ")
              + "not granted: "
              + String.join("; ", problems)
              + ".",
          LicenceFailures.INVALID_TERMS);
    }
  }

  static List<String> problems(LicenceGrant grant, Instant now) {
    List<String> problems = new ArrayList<>();
    if (grant == null || grant.terms() == null) {
      problems.add("the grant has no terms");
      return problems;
    }
    if (!LicenceIds.isLicenceId(grant.licenceId())) {
      problems.add("the licence id '" + grant.licenceId() + "' is not 30 lower-case hex digits");
    }
    LicenceTerms terms = grant.terms();
    if (isBlank(terms.trackId())) {
      problems.add("no track is named");
    }
    if (isBlank(terms.licensee())) {
      problems.add("no licensee is named");
    }
    if (terms.formats().isEmpty()) {
      problems.add("no format is granted (name at least one, e.g. MP3_320)");
    }
    if (terms.territories().isEmpty()) {
      problems.add("no territory is granted (ISO 3166-1 alpha-2 codes, or WORLD)");
    }
    for (String territory : terms.territories()) {
      if (territory == null
          || !(territory.equals(LicenceTerms.WORLDWIDE) || territory.matches("[A-Z]{2}"))) {
        problems.add("the territory '" + territory + "' is not an ISO alpha-2 code nor WORLD");
      }
    }
    if (terms.startsAt() == null || terms.endsAt() == null) {
      problems.add("the term needs a start and an end");
    } else {
      if (!terms.endsAt().isAfter(terms.startsAt())) {
        problems.add(
            "the term ends (" + terms.endsAt() + ") before it starts (" + terms.startsAt() + ")");
      }
      if (!terms.endsAt().isAfter(now)) {
        problems.add("the term's end " + terms.endsAt() + " has already passed");
      }
    }
    if (terms.feeMinorUnits() < 0) {
      problems.add("the fee is negative");
    }
    if (terms.feeMinorUnits() > 0
        && (terms.currency() == null || !terms.currency().matches("[A-Z]{3}"))) {
      problems.add("the fee's currency '" + terms.currency() + "' is not an ISO 4217 code");
    }
    return problems;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
