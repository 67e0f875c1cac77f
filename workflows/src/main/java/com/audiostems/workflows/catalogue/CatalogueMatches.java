package com.audiostems.workflows.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a lookup found.
 *
 * @param tracks matches among the catalogue's published tracks (duplicates), best first
 * @param references matches among third-party reference works, best first
 * @param queryHashes hashes in the query, for reading scores
 */
public record CatalogueMatches(
    List<CatalogueMatch> tracks, List<CatalogueMatch> references, int queryHashes) {

  public CatalogueMatches {
    tracks = tracks == null ? List.of() : List.copyOf(tracks);
    references = references == null ? List.of() : List.copyOf(references);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return tracks.isEmpty() && references.isEmpty();
  }
}
