package com.audiostems.workflows.watermark;

/**
 * Look for a mark in a stored file (a claim check: the audio stays in the store).
 *
 * @param key the file's storage key, e.g. an upload of a preview found in the wild
 */
public record DetectWatermarkRequest(String key) {}
