package com.audiostems.workflows.metadata;

import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.EncodedOutput;
import java.util.List;

/**
 * @param bpm the tempo as tags carry it: a whole number of beats per minute (ID3 TBPM, MP4 tmpo)
 * @param initialKey the key in ID3 TKEY's form ("Am", "F#", "Bb"); null when unknown
 */
public record AnalysisTagsRequest(
    String trackId, List<EncodedOutput> outputs, Integer bpm, String initialKey) {

  /** The tempo tags carry for an analysis: whole BPM; null when there is none. */
  public static Integer bpmOf(TrackAnalysis analysed) {
    return analysed == null || analysed.tempo() == null || analysed.tempo().bpm() <= 0
        ? null
        : (int) Math.round(analysed.tempo().bpm());
  }

  /** The key tags carry for an analysis ("Am"); null when there is none. */
  public static String initialKeyOf(TrackAnalysis analysed) {
    return analysed == null || analysed.key() == null ? null : analysed.key().shortName();
  }
}
