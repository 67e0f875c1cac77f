package com.audiostems.workflows.licence;

/**
 * @param reason a sentence the licensee will read in the refusal ("payment reversed")
 * @param revokedBy the operator, or "track-deleted" when its track was deleted
 */
public record RevokeRequest(String reason, String revokedBy) {}
