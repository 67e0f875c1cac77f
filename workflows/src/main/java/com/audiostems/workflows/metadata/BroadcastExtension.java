package com.audiostems.workflows.metadata;

/**
 * The EBU Tech 3285 {@code bext} chunk of a Broadcast Wave file.
 *
 * @param description free text, up to 256 characters
 * @param originator name of the originating organisation, up to 32 characters
 * @param originatorReference unique reference of the originator, up to 32 characters
 * @param originationDate yyyy-mm-dd
 * @param originationTime hh:mm:ss
 * @param timeReferenceSamples first sample's position since midnight, in samples
 * @param umid SMPTE UMID as hex, empty when absent (all zero)
 * @param codingHistory the coding history lines
 */
public record BroadcastExtension(
    String description,
    String originator,
    String originatorReference,
    String originationDate,
    String originationTime,
    long timeReferenceSamples,
    String umid,
    String codingHistory) {}
