package com.audiostems.workflows.metadata;

import com.audiostems.workflows.media.EncodedOutput;
import java.util.List;

/**
 * @param bpm the tempo as tags carry it: a whole number of beats per minute (ID3 TBPM, MP4 tmpo)
 * @param initialKey the key in ID3 TKEY's form ("Am", "F#", "Bb"); null when unknown
 */
public record AnalysisTagsRequest(
    String trackId, List<EncodedOutput> outputs, Integer bpm, String initialKey) {}
