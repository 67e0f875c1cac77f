package com.audiostems.workflows.trace;

import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.watermark.WatermarkDetection;

/**
 * What a found file is and whose copy it was, in one answer: the fingerprint says which track and
 * where in it (and where in the file); the watermark says which licence and licensee, or that it is
 * a preview, and where along the file the mark is present.
 */
public record LeakTrace(CatalogueMatches identification, WatermarkDetection watermark) {}
