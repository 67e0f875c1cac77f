package com.audiostems.workflows.track;

import com.audiostems.workflows.analysis.TrackAnalysis;
import java.util.Locale;

/**
 * A Markdown account of a track for the Temporal UI's current details: its stages with their times
 * and its outputs, so that an operator reads a job without decoding payloads.
 */
final class TrackDetails {
  private TrackDetails() {}

  static String markdown(TrackState track) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(track.title == null ? track.trackId : track.title).append("**  \n");
    md.append("track `")
        .append(track.trackId)
        .append("` · stage **")
        .append(lower(track.stage.name()))
        .append("** · published version ")
        .append(track.published == null ? "none" : track.published.version())
        .append("\n\n");
    if (track.failure != null) {
      md.append("> ").append(track.failure).append("\n\n");
    }
    md.append("| stage | ms |\n|---|---:|\n");
    track.stageMillis.forEach(
        (name, ms) -> md.append("| ").append(lower(name)).append(" | ").append(ms).append(" |\n"));
    md.append("| ").append(lower(track.stage.name())).append(" | … |\n");
    md.append("\nanalysis: **").append(track.analysisState).append("**");
    if (track.published != null
        && track.published.analysis() != null
        && track.published.analysis().tempo() != null) {
      appendAnalysis(md, track.published.analysis());
    }
    md.append("\n");
    if (!track.outputs.isEmpty()) {
      md.append("\n| output | state | progress |\n|---|---|---:|\n");
      track
          .outputs
          .values()
          .forEach(
              o ->
                  md.append("| ")
                      .append(o.format())
                      .append(" | ")
                      .append(o.state())
                      .append(" | ")
                      .append(Math.round(o.fraction() * 100))
                      .append("% |\n"));
    }
    return md.toString();
  }

  private static void appendAnalysis(StringBuilder md, TrackAnalysis analysis) {
    md.append(" · ").append(Math.round(analysis.tempo().bpm())).append(" BPM");
    if (analysis.key() != null) {
      md.append(" · ").append(analysis.key().name());
    }
    if (analysis.loudness() != null) {
      md.append(" · ")
          .append(String.format(Locale.ROOT, "%.1f LUFS", analysis.loudness().integratedLufs()));
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
