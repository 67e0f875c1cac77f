package com.audiostems.workflows.licence;

import java.time.Instant;

/**
 * A change in a licence's life, for its projection in the database and the audit log.
 *
 * @param action "granted", "extended", "expired" or "revoked"
 * @param actor who caused it (an operator, "timer", "track-deleted")
 * @param at workflow time of the change
 * @param state the licence after the change
 */
public record LicenceEvent(String action, String actor, Instant at, LicenceState state) {}
