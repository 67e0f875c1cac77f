package com.audiostems.workflows.catalogue;

/**
 * An operator's decision on a track held because it matches a reference work.
 *
 * @param approve true: publish it; false: reject it
 * @param reviewer who decided (an operator's name or API client)
 * @param note why, for the record
 */
public record ReviewDecision(boolean approve, String reviewer, String note) {}
