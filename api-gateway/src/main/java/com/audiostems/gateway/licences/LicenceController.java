package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.security.Role;
import com.audiostems.ledger.Ledger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The licence resource: each method hands over to the class that does the work. */
@RestController
@RequestMapping("/v1/licences")
@Tag(
    name = "licences",
    description =
        "Licences: grant, read, revoke, expire, extend; a licensee's marked copies behind signed links")
public class LicenceController {
  /** {@code Authorization: Licence <token>}: the licensee's token instead of an API key. */
  static final String TOKEN_SCHEME = "Licence ";

  private final LicenceGrants grants;
  private final LicenceFinder finder;
  private final LicenceCommands commands;
  private final LicenceFiles files;
  private final LicensingServices licensing;
  private final com.audiostems.gateway.config.LicenceProperties settings;

  public LicenceController(
      LicenceGrants grants,
      LicenceFinder finder,
      LicenceCommands commands,
      LicenceFiles files,
      LicensingServices licensing,
      com.audiostems.gateway.config.LicenceProperties settings) {
    this.grants = grants;
    this.finder = finder;
    this.commands = commands;
    this.files = files;
    this.licensing = licensing;
    this.settings = settings;
  }

  @Operation(
      summary = "Grant a licence",
      description =
          "Checks that the track is published with every granted format (422 otherwise), starts the licence's "
              + "workflow (its term's timer, its signals and update) and answers 201 with the licence and the "
              + "licensee's token. Operators and admins.")
  @ApiResponse(
      responseCode = "201",
      description = "Granted; `token` is shown only here",
      useReturnTypeSchema = true)
  @PostMapping
  public ResponseEntity<LicenceResponse> grant(
      @Valid @RequestBody GrantLicenceBody body, @AuthenticationPrincipal ApiClient client) {
    LicenceResponse granted = grants.grant(client, body);
    return ResponseEntity.created(absolute(granted.links().self())).body(granted);
  }

  @Operation(
      summary = "List licences",
      description =
          "A licensee: its own. Operators and admins: those of ?licensee= or of ?trackId= (one of them).")
  @GetMapping
  public LicenceListResponse list(
      @RequestParam(required = false) String licensee,
      @RequestParam(required = false) String trackId,
      @AuthenticationPrincipal ApiClient client) {
    Ledger ledger = licensing.ledger();
    if (client.role() == Role.LICENSEE) {
      return new LicenceListResponse(ledger.licencesOfLicensee(client.licensee()));
    }
    if ((licensee == null) == (trackId == null)) {
      throw Problems.badRequest(
          "licence-filter-required", "Give exactly one of ?licensee= and ?trackId=.");
    }
    return new LicenceListResponse(
        licensee != null ? ledger.licencesOfLicensee(licensee) : ledger.licencesOfTrack(trackId));
  }

  @Operation(
      summary = "A licence's state",
      description = "As its workflow holds it. A licensee reads only its own (others are 404).")
  @GetMapping("/{licenceId}")
  public LicenceResponse licence(
      @PathVariable String licenceId, @AuthenticationPrincipal ApiClient client) {
    return LicenceResponse.of(finder.state(finder.findFor(client, licenceId)), null);
  }

  @Operation(
      summary = "Revoke a licence",
      description =
          "Signals its workflow: the licence ends now with this reason, its copies are withdrawn and every link "
              + "to them is refused from then on. An ended licence is a 410.")
  @ApiResponse(responseCode = "202", description = "Sent; GET the licence to follow it")
  @PostMapping("/{licenceId}/revoke")
  public ResponseEntity<LicenceResponse.Links> revoke(
      @PathVariable String licenceId,
      @Valid @RequestBody RevokeBody body,
      @AuthenticationPrincipal ApiClient client) {
    return ResponseEntity.accepted().body(commands.revoke(client, licenceId, body.reason()));
  }

  @Operation(
      summary = "Expire a licence now",
      description = "The licence-expiry signal: the term ends now, as its timer would end it.")
  @ApiResponse(responseCode = "202", description = "Sent; GET the licence to follow it")
  @PostMapping("/{licenceId}/expire")
  public ResponseEntity<LicenceResponse.Links> expire(
      @PathVariable String licenceId, @AuthenticationPrincipal ApiClient client) {
    return ResponseEntity.accepted().body(commands.expire(client, licenceId));
  }

  @Operation(
      summary = "Extend a licence",
      description =
          "Moves the end of the term later (the workflow's validated update) and answers the licence with a new "
              + "token carrying the new end. An end not after the current one is a 422 saying so.")
  @PostMapping("/{licenceId}/extend")
  public LicenceResponse extend(
      @PathVariable String licenceId,
      @Valid @RequestBody ExtendBody body,
      @AuthenticationPrincipal ApiClient client) {
    return commands.extend(client, licenceId, body);
  }

  @Operation(
      summary = "A licensee's marked copies",
      description =
          "For the licensee's key, or its licence token (`Authorization: Licence <token>` or ?token=). 202 with a "
              + "Location and Retry-After while the copies are being made, then 200 with a signed link to each, "
              + "ending no later than the licence. Refusals, each audited: 404 unknown licence or track, 422 a format "
              + "the licence does not grant or the track lacks, 410 an expired or revoked licence (why), 403 a "
              + "territory not covered or a licence not started, 401 a token that does not open.")
  @ApiResponse(responseCode = "200", description = "Ready: the links", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "202", description = "Being made: ask the Location again")
  @GetMapping("/{licenceId}/files")
  public ResponseEntity<LicenceFilesResponse> files(
      @PathVariable String licenceId,
      @Parameter(description = "One output format; absent: every format the licence grants")
          @RequestParam(required = false)
          String format,
      @Parameter(description = "Where the files are used: ISO 3166-1 alpha-2")
          @RequestParam(required = false)
          String territory,
      @Parameter(description = "The licence token, for clients that cannot set a header")
          @RequestParam(required = false)
          String token,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @AuthenticationPrincipal ApiClient client,
      HttpServletRequest request) {
    String presented = token;
    if (authorization != null && authorization.regionMatches(true, 0, TOKEN_SCHEME, 0, 8)) {
      presented = authorization.substring(TOKEN_SCHEME.length()).trim();
    }
    LicenceFilesResponse answer =
        files.files(
            new LicenceFiles.FilesRequest(
                licenceId, client, presented, format, territory, request.getRemoteAddr()));
    if ("ready".equals(answer.state())) {
      return ResponseEntity.ok(answer);
    }
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
    return ResponseEntity.accepted()
        .location(location)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(settings.copyRetryAfter().toSeconds()))
        .body(answer);
  }

  private static URI absolute(String path) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUri();
  }
}
