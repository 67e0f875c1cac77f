package com.audiostems.workflows.licence;

/**
 * The input of a licence's workflow.
 *
 * @param licenceId {@link LicenceIds#newId} form: 30 lower-case hex digits
 * @param terms what is granted
 * @param grantedBy the operator (API client name, or the CLI's user) who granted it
 */
public record LicenceGrant(String licenceId, LicenceTerms terms, String grantedBy) {}
