package com.audiostems.workflows.media;

/**
 * The verification of one output.
 *
 * @param format the output
 * @param method "pcm-bit-exact" (decoded PCM hashes equal the source's) or "duration" (decodes in
 *     full, duration within one codec frame of the source)
 * @param passed whether it passed
 * @param detail what was measured, in words
 */
public record OutputCheck(OutputFormat format, String method, boolean passed, String detail) {}
