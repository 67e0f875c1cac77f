package com.audiostems.dsp.structure;

import java.util.List;

/**
 * Energy over time and the sections of a track.
 *
 * @param energy the per-second energy curve and track energy
 * @param sections consecutive sections covering the whole track, in time order
 * @param noveltyDb the novelty curve the boundaries were picked from, dB per block (for inspection
 *     and plots)
 * @param noveltyBlockStartSeconds start time of each novelty block
 */
public record StructureAnalysis(
    EnergyCurve energy,
    List<Section> sections,
    double[] noveltyDb,
    double[] noveltyBlockStartSeconds) {

  /** Section boundaries (every section start but the first), seconds. */
  public double[] boundariesSeconds() {
    return sections.stream().skip(1).mapToDouble(Section::startSeconds).toArray();
  }
}
