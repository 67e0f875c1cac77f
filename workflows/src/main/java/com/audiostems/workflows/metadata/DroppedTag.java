package com.audiostems.workflows.metadata;

/**
 * A source tag that some output does not carry, and why.
 *
 * @param format the output container that cannot hold it ({@code flac}, {@code mp3}, {@code m4a},
 *     {@code wav}), or {@code all} for a tag no output carries (the source's ReplayGain, its
 *     encoder, a value over the size limits)
 * @param key the tag's key as in {@link SourceTag#key()}, or the source's raw frame/atom id
 * @param reason a sentence saying why
 */
public record DroppedTag(String format, String key, String reason) {
  public static final String ALL_FORMATS = "all";
}
