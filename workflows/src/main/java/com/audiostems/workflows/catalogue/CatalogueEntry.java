package com.audiostems.workflows.catalogue;

/**
 * One entry of an index.
 *
 * @param id the track id, or the reference work's id
 * @param title a human name shown with matches ("Title — Artist"), may be null
 * @param fingerprintKey blob-store key of its fingerprint
 */
public record CatalogueEntry(String id, String title, String fingerprintKey) {}
