package com.audiostems.ledger;

/**
 * The audit chain checked.
 *
 * @param intact whether every row's hash and link hold
 * @param rowsChecked how many rows were read
 * @param firstBrokenSequence the first row whose hash or link fails; 0 when intact
 * @param problem a sentence saying what is wrong there ("row 17 was changed", "row 18 is missing");
 *     null when intact
 */
public record AuditVerification(
    boolean intact, long rowsChecked, long firstBrokenSequence, String problem) {}
