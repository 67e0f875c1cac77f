package com.audiostems.workflows.catalogue;

/**
 * A stretch of the query found in an indexed recording.
 *
 * @param collection which index it was found in
 * @param id the matched track or reference work
 * @param title its human name, when the index knows one
 * @param score offset-consistent hash votes
 * @param queryStartSeconds where the matched stretch starts in the query
 * @param queryEndSeconds where it ends in the query
 * @param matchStartSeconds where it starts in the matched recording
 * @param matchEndSeconds where it ends in the matched recording
 * @param speedRatio playback speed of the query relative to the match (1.02 = 2 % faster)
 */
public record CatalogueMatch(
    Collection collection,
    String id,
    String title,
    int score,
    double queryStartSeconds,
    double queryEndSeconds,
    double matchStartSeconds,
    double matchEndSeconds,
    double speedRatio) {

  public enum Collection {
    /** The catalogue's own published tracks: a match is a duplicate. */
    TRACKS,
    /** Third parties' works: a match is a possible copyright issue. */
    REFERENCES
  }

  /** "id (title) at 0:12–0:42, query 0:00–0:30, score 120" for messages to people. */
  public String describe() {
    return id
        + (title == null || title.isBlank() ? "" : " (" + title + ")")
        + " at "
        + clock(matchStartSeconds)
        + "–"
        + clock(matchEndSeconds)
        + " of it, "
        + clock(queryStartSeconds)
        + "–"
        + clock(queryEndSeconds)
        + " of this audio"
        + (Math.abs(speedRatio - 1) >= 0.005
            ? String.format(java.util.Locale.ROOT, ", speed ×%.3f", speedRatio)
            : "")
        + ", score "
        + score;
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return (s / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
  }
}
