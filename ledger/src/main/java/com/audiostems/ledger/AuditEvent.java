package com.audiostems.ledger;

import java.time.Instant;

/**
 * Something to audit.
 *
 * @param action grant, extend, expire, revoke, deliver, refuse, token-rejected, ...
 * @param actor who did it: an API client, a licensee, "timer", "cli"
 * @param licenceId null when the event names none (an unreadable token)
 * @param trackId null when the event names none
 * @param detail a sentence or small JSON: the reason of a refusal, the format delivered
 */
public record AuditEvent(
    Instant at, String action, String actor, String licenceId, String trackId, String detail) {}
