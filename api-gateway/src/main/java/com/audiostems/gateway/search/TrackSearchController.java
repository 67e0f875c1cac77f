package com.audiostems.gateway.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Track search for operators (the console's search page). */
@RestController
@Tag(name = "search", description = "Tracks by stage, quality tier, key and tempo")
public class TrackSearchController {
  private final TrackSearch search;

  public TrackSearchController(TrackSearch search) {
    this.search = search;
  }

  @Operation(
      summary = "Search tracks",
      description =
          "Newest first, one page of the track list at a time, filtered by stage (from the workflow), and by the "
              + "published manifest's effective tier, key and tempo. A page may hold fewer matches than pageSize: "
              + "follow nextPageToken until it is null. Operators and admins only.")
  @GetMapping("/v1/search/tracks")
  public TrackSearchResponse search(
      @Parameter(description = "A pipeline stage, e.g. PUBLISHED, ENCODING, FAILED")
          @RequestParam(required = false)
          String stage,
      @Parameter(description = "MINIMUM, STANDARD, HIGH or PROFESSIONAL")
          @RequestParam(required = false)
          String tier,
      @Parameter(description = "\"A minor\" or \"Am\"") @RequestParam(required = false) String key,
      @RequestParam(required = false) Double bpmMin,
      @RequestParam(required = false) Double bpmMax,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int pageSize,
      @RequestParam(required = false) String pageToken) {
    return search.search(
        TrackSearchCriteria.parse(stage, tier, key, bpmMin, bpmMax), pageSize, pageToken);
  }
}
