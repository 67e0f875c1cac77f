package com.audiostems.workflows.licence;

import java.time.Instant;

/**
 * @param newEndsAt the new end of the term; must be after the current one
 * @param extendedBy the operator
 */
public record ExtendRequest(Instant newEndsAt, String extendedBy) {}
