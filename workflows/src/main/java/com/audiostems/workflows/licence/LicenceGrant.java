package com.audiostems.workflows.licence;

/**
 * The input of a licence's workflow.
 *
 * @param licenceId {@link LicenceIds#newId} form: 30 lower-case hex digits
 * @param terms what is granted; for a resumed licence, with the end its ledger row has now
 * @param grantedBy the operator (API client name, or the CLI's user) who granted it
 * @param resumed whether this run resumes a licence granted and recorded before, whose workflow
 *     ended with its process (the embedded {@code audiostems licence} commands run the in-process
 *     server): its terms were checked and its grant recorded then, and an end already past expires
 *     it at once
 */
public record LicenceGrant(
    String licenceId, LicenceTerms terms, String grantedBy, boolean resumed) {

  /** A new grant. */
  public LicenceGrant(String licenceId, LicenceTerms terms, String grantedBy) {
    this(licenceId, terms, grantedBy, false);
  }
}
