package com.audiostems.workflows.track;

import com.audiostems.workflows.media.OutputFormat;
import java.util.List;

/**
 * Re-encode some outputs of a published track (e.g. after an encoder upgrade).
 *
 * @param formats the outputs to redo; the others keep their current files
 * @param reason why, in words, for the history
 */
public record ReprocessRequest(List<OutputFormat> formats, String reason) {}
