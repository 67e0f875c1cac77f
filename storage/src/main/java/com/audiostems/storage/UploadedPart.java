package com.audiostems.storage;

/**
 * A part a client has uploaded, as it reports it back.
 *
 * @param partNumber 1 to 10,000, in the order of the bytes
 * @param eTag the ETag header of the part's PUT response, quotes included
 */
public record UploadedPart(int partNumber, String eTag) {}
