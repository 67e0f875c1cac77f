package com.audiostems.gateway.identify;

import com.audiostems.gateway.security.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Identify: which catalogue track or reference work an uploaded excerpt comes from, and where in
 * it.
 */
@RestController
@Tag(
    name = "identify",
    description = "Find a recording or an excerpt of it (10 s is enough) in the catalogue")
public class IdentifyController {
  private final Identifications identifications;

  public IdentifyController(Identifications identifications) {
    this.identifications = identifications;
  }

  @Operation(
      summary = "Identify an uploaded excerpt",
      description =
          "Fingerprints the upload and looks it up among the catalogue's published tracks and the reference "
              + "works: each match names the track, the matched time range in both files, the score and the speed ratio. "
              + "Answers 200 when the lookup finishes within the gateway's wait (`audiostems.gateway.identify.answer-within`), else "
              + "202 with a Location to GET. The upload's content is deleted once answered; posting the same upload again "
              + "answers the same query. A file that is not audio is a 422.")
  @ApiResponse(
      responseCode = "200",
      description = "Answered: `found` and the matches",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "202",
      description = "Still running: GET the Location until `state` is done")
  @PostMapping("/v1/identify")
  public ResponseEntity<IdentifyResponse> identify(
      @Valid @RequestBody IdentifyBody body, @AuthenticationPrincipal ApiClient client) {
    IdentifyResponse response = identifications.start(client, body.uploadId());
    return answer(response);
  }

  @Operation(
      summary = "An identify query's answer",
      description = "200 once answered, 202 while running.")
  @GetMapping("/v1/identify/{queryId}")
  public ResponseEntity<IdentifyResponse> result(
      @PathVariable String queryId, @AuthenticationPrincipal ApiClient client) {
    return answer(identifications.result(client, queryId));
  }

  private static ResponseEntity<IdentifyResponse> answer(IdentifyResponse response) {
    if ("done".equals(response.state())) {
      return ResponseEntity.ok(response);
    }
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(response.links().self())
            .build()
            .toUri();
    return ResponseEntity.accepted().location(location).body(response);
  }
}
