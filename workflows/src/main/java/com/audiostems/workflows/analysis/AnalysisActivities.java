package com.audiostems.workflows.analysis;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Music analysis on the {@code audio-gpu} queue. */
@ActivityInterface
public interface AnalysisActivities {

  /**
   * Decodes the source once and analyses it: tempo and beats, key, loudness (EBU R128), energy and
   * sections, spectral and rhythm features, and its technical quality. The whole analysis (beat
   * times, curves) is stored as {@code analysis.json}, the quality report with its page and images
   * beside it; the summaries come back for the manifest.
   */
  @ActivityMethod
  AnalysisResult analyze(AnalyzeRequest request);
}
