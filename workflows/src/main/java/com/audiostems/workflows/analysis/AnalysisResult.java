package com.audiostems.workflows.analysis;

import com.audiostems.workflows.quality.TrackQuality;

/** What the one decode pass of a source yields: its musical analysis and its technical quality. */
public record AnalysisResult(TrackAnalysis analysis, TrackQuality quality) {}
