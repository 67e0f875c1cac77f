package com.audiostems.ledger;

/**
 * A row of the audit log.
 *
 * @param sequence 1, 2, 3, ... in order of writing
 * @param previousSha256 the row before's {@code sha256}; 64 zeros for the first
 * @param sha256 SHA-256 over this row's fields and {@code previousSha256}
 */
public record AuditEntry(long sequence, AuditEvent event, String previousSha256, String sha256) {}
