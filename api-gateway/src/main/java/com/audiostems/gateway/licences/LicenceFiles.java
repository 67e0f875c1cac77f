package com.audiostems.gateway.licences;

import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.problems.LicenceProblems;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.security.Role;
import com.audiostems.gateway.tracks.FormatAndTierNames;
import com.audiostems.gateway.tracks.TrackFilesReader;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.licensing.LicenceTokenClaims;
import com.audiostems.licensing.LicenceTokenException;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceTerms;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.TrackManifest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A licensee's download: who is asking (its licensee key, or its licence token), whether the
 * licence allows this format here and now, then the marked copies (made on first request) behind
 * links that end no later than the licence. Each refusal is audited and leaves nothing else
 * written; each delivery is recorded in the ledger and audited, once every link is made.
 */
@Component
public class LicenceFiles {
  /** Reads the track's manifest on behalf of the delivery, whoever the licensee is. */
  private static final ApiClient DELIVERY = new ApiClient("licence-delivery", Role.OPERATOR);

  private final LicenceFinder finder;
  private final TrackFilesReader tracks;
  private final MarkedCopies copies;
  private final CopyLinks links;
  private final LicenceRefusals refusals;
  private final LicensingServices licensing;
  private final LinkProperties linkSettings;
  private final Clock clock;

  public LicenceFiles(
      LicenceFinder finder,
      TrackFilesReader tracks,
      MarkedCopies copies,
      CopyLinks links,
      LicenceRefusals refusals,
      LicensingServices licensing,
      LinkProperties linkSettings,
      Clock clock) {
    this.finder = finder;
    this.tracks = tracks;
    this.copies = copies;
    this.links = links;
    this.refusals = refusals;
    this.licensing = licensing;
    this.linkSettings = linkSettings;
    this.clock = clock;
  }

  /**
   * What the request asks.
   *
   * @param client the API key's client; null when the caller presents a token
   * @param token the licence token; null when the caller presents a key
   * @param format one output format; null for every format the licence grants
   * @param territory ISO alpha-2 code where the licensee says it uses the files
   * @param clientAddress the caller's address, recorded with each delivery
   */
  public record FilesRequest(
      String licenceId,
      ApiClient client,
      String token,
      String format,
      String territory,
      String clientAddress) {}

  public LicenceFilesResponse files(FilesRequest request) {
    Ledger ledger = licensing.ledger();
    String licenceId = request.licenceId();
    Caller caller = caller(request);

    LicenceExecution licence;
    try {
      licence = finder.find(licenceId);
    } catch (ErrorResponseException e) {
      throw refusals.refuse(LicenceRefusals.REFUSE, caller.actor(), null, null, e);
    }
    String trackId = licence.trackId();
    if (!caller.mayRead(licence.licensee())) {
      throw caller.token() != null
          ? refusals.refuse(
              LicenceRefusals.TOKEN_REJECTED,
              caller.actor(),
              licenceId,
              trackId,
              LicenceProblems.tokenRejected("This licence token was not issued for this licence."))
          : refusals.refuse(
              LicenceRefusals.REFUSE,
              caller.actor(),
              licenceId,
              trackId,
              (ErrorResponseException) LicenceFinder.notFound(licenceId));
    }

    LicenceState state = finder.state(licence);
    LicenceTerms terms = state.terms();
    Instant now = clock.instant();
    requireUsable(caller, state, now);
    List<OutputFormat> formats = formats(caller, licenceId, trackId, terms, request.format());
    TrackManifest manifest = publishedManifest(caller, licenceId, trackId);
    requirePublished(caller, licenceId, manifest, formats);
    if (!terms.covers(request.territory())) {
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.TERRITORY_NOT_COVERED,
          (request.territory() == null
                  ? "Say where the files are used (?territory=, ISO 3166-1 alpha-2): "
                  : "Territory '" + request.territory() + "' is not covered: ")
              + "licence '"
              + licenceId
              + "' covers "
              + terms.territories()
              + ".");
    }

    List<MarkedCopy> made =
        copies.request(
            formats.stream()
                .map(f -> new MarkedCopyRequest(licenceId, trackId, licence.licensee(), f))
                .toList());
    if (made.isEmpty()) {
      return LicenceFilesResponse.making(licenceId, trackId);
    }
    return deliver(ledger, caller, request, state, made, now);
  }

  private LicenceFilesResponse deliver(
      Ledger ledger,
      Caller caller,
      FilesRequest request,
      LicenceState state,
      List<MarkedCopy> made,
      Instant now) {
    String licenceId = state.licenceId();
    String trackId = state.terms().trackId();
    Instant linkEnd = now.plus(linkSettings.downloadValidity());
    Instant expiresAt = linkEnd.isBefore(state.endsAt()) ? linkEnd : state.endsAt();
    // Every link first: a failure here leaves no delivery recorded for a link never handed out.
    List<LicenceFilesResponse.CopyFile> files = new ArrayList<>();
    for (MarkedCopy copy : made) {
      files.add(
          new LicenceFilesResponse.CopyFile(
              copy.format(),
              copy.format().fileName(),
              copy.bytes(),
              copy.sha256(),
              links.link(licenceId, copy.key(), expiresAt).url()));
    }
    String territory =
        request.territory() == null ? null : request.territory().toUpperCase(Locale.ROOT);
    for (MarkedCopy copy : made) {
      ledger.recordDelivery(
          new DeliveryRecord(
              licenceId,
              state.terms().licensee(),
              trackId,
              copy.format().name(),
              copy.bytes(),
              copy.sha256(),
              now,
              request.clientAddress(),
              territory));
      ledger.audit(
          new AuditEvent(
              now,
              "deliver",
              caller.actor(),
              licenceId,
              trackId,
              copy.format().name()
                  + " sha256="
                  + copy.sha256()
                  + " territory="
                  + territory
                  + " from "
                  + request.clientAddress()
                  + " until "
                  + expiresAt));
    }
    return new LicenceFilesResponse(licenceId, trackId, "ready", expiresAt, files);
  }

  /**
   * Who asks: a licensee key (or an admin's), or a licence token that opens. An uploader's or
   * operator's key is refused: a marked copy names its licensee, so only the licensee fetches it.
   */
  private Caller caller(FilesRequest request) {
    ApiClient client = request.client();
    String licenceId = request.licenceId();
    if (client != null) {
      if (client.role() != Role.LICENSEE && client.role() != Role.ADMIN) {
        throw refusals.refuse(
            LicenceRefusals.REFUSE,
            client.name(),
            licenceId,
            null,
            Problems.forbidden(
                "licensee-only",
                "Key '"
                    + client.name()
                    + "' (role "
                    + client.role().name().toLowerCase(Locale.ROOT)
                    + ") may not fetch a licensee's marked copies; the licensee fetches them with"
                    + " its key or its licence token."));
      }
      return new Caller(client.name(), client, null);
    }
    if (request.token() == null || request.token().isBlank()) {
      throw refusals.refuse(
          LicenceRefusals.REFUSE,
          "anonymous",
          licenceId,
          null,
          Problems.exception(
              HttpStatus.UNAUTHORIZED,
              "unauthenticated",
              "Unauthorized",
              "Send your licensee API key in X-Api-Key, or the licence token as"
                  + " 'Authorization: Licence <token>' or ?token=."));
    }
    try {
      LicenceTokenClaims claims = licensing.tokens().open(request.token());
      if (!licenceId.equals(claims.licenceId())) {
        throw refusals.refuse(
            LicenceRefusals.TOKEN_REJECTED,
            claims.licensee(),
            licenceId,
            claims.trackId(),
            LicenceProblems.tokenRejected(
                "This licence token was issued for another licence, not '" + licenceId + "'."));
      }
      return new Caller(claims.licensee(), null, claims);
    } catch (LicenceTokenException e) {
      throw refusals.refuse(
          LicenceRefusals.TOKEN_REJECTED,
          "token",
          LicenceIds.isLicenceId(licenceId) ? licenceId : null,
          null,
          LicenceProblems.tokenRejected(
              "The licence token was refused ("
                  + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + "); use the token exactly as it was issued, or ask for a new one."));
    }
  }

  private void requireUsable(Caller caller, LicenceState state, Instant now) {
    String licenceId = state.licenceId();
    String trackId = state.terms().trackId();
    if (state.status().ended()) {
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.LICENCE_ENDED,
          "Licence '"
              + licenceId
              + "' was "
              + state.status().name().toLowerCase(Locale.ROOT)
              + " at "
              + state.endedAt()
              + ": "
              + state.endReason()
              + ".");
    }
    if (!now.isBefore(state.endsAt())) {
      // The timer fires at the end; a request in the moment before it does is refused the same.
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.LICENCE_ENDED,
          "Licence '" + licenceId + "' expired at " + state.endsAt() + ": term ended.");
    }
    if (now.isBefore(state.terms().startsAt())) {
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.LICENCE_NOT_STARTED,
          "Licence '"
              + licenceId
              + "' starts at "
              + state.terms().startsAt()
              + "; its files are available from then.");
    }
  }

  private List<OutputFormat> formats(
      Caller caller, String licenceId, String trackId, LicenceTerms terms, String format) {
    if (format == null || format.isBlank()) {
      return terms.formats();
    }
    OutputFormat wanted;
    try {
      wanted = FormatAndTierNames.formats(List.of(format)).getFirst();
    } catch (ErrorResponseException e) {
      throw refusals.refuse(LicenceRefusals.REFUSE, caller.actor(), licenceId, trackId, e);
    }
    List<OutputFormat> granted = caller.claims() != null ? claimed(caller) : terms.formats();
    if (!terms.formats().contains(wanted) || !granted.contains(wanted)) {
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.FORMAT_NOT_AVAILABLE,
          "Licence '"
              + licenceId
              + "' does not grant "
              + wanted.name()
              + "; it grants "
              + terms.formats()
              + ".");
    }
    return List.of(wanted);
  }

  private static List<OutputFormat> claimed(Caller caller) {
    return FormatAndTierNames.formats(caller.claims().formats());
  }

  private TrackManifest publishedManifest(Caller caller, String licenceId, String trackId) {
    try {
      return tracks.publishedManifest(DELIVERY, trackId);
    } catch (io.temporal.client.WorkflowNotFoundException | ErrorResponseException e) {
      throw refusals.refuse(
          caller.actor(),
          licenceId,
          trackId,
          LicenceFailures.UNKNOWN_TRACK,
          "Track '" + trackId + "' of licence '" + licenceId + "' is not published any more.");
    }
  }

  private void requirePublished(
      Caller caller, String licenceId, TrackManifest manifest, List<OutputFormat> formats) {
    Set<OutputFormat> published =
        manifest.outputs().stream().map(EncodedOutput::format).collect(Collectors.toSet());
    for (OutputFormat format : formats) {
      if (!published.contains(format)) {
        throw refusals.refuse(
            caller.actor(),
            licenceId,
            manifest.trackId(),
            LicenceFailures.FORMAT_NOT_AVAILABLE,
            "Track '"
                + manifest.trackId()
                + "' no longer publishes "
                + format.name()
                + "; it has "
                + published.stream().sorted().toList()
                + ".");
      }
    }
  }

  /** The caller, by the name the audit log records. */
  private record Caller(String actor, ApiClient client, LicenceTokenClaims claims) {

    String token() {
      return claims == null ? null : claims.licenceId();
    }

    boolean mayRead(String licensee) {
      return client != null ? client.readsLicenceOf(licensee) : claims.licensee().equals(licensee);
    }
  }
}
