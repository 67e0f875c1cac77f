package com.audiostems.gateway.problems;

import com.audiostems.workflows.licence.LicenceFailures;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The licence half's failure types ({@link LicenceFailures}) as problems: one status and one
 * problem type per case, whether the gateway refuses on its own or a workflow failed with the type.
 */
public final class LicenceProblems {
  /** A licence token that does not open (malformed, unknown key, tampered): 401. */
  public static final String TOKEN_REJECTED = "token-rejected";

  private record Mapping(HttpStatus status, String type, String title) {}

  private static final Map<String, Mapping> BY_FAILURE_TYPE =
      Map.of(
          LicenceFailures.UNKNOWN_LICENCE,
          new Mapping(HttpStatus.NOT_FOUND, "licence-not-found", "Not found"),
          LicenceFailures.UNKNOWN_TRACK,
          new Mapping(HttpStatus.NOT_FOUND, "track-not-found", "Not found"),
          LicenceFailures.FORMAT_NOT_AVAILABLE,
          new Mapping(
              HttpStatus.UNPROCESSABLE_ENTITY, "format-not-available", "Format not available"),
          LicenceFailures.LICENCE_ENDED,
          new Mapping(HttpStatus.GONE, "licence-ended", "Licence ended"),
          LicenceFailures.LICENCE_NOT_STARTED,
          new Mapping(HttpStatus.FORBIDDEN, "licence-not-started", "Licence not started"),
          LicenceFailures.TERRITORY_NOT_COVERED,
          new Mapping(HttpStatus.FORBIDDEN, "territory-not-covered", "Territory not covered"),
          LicenceFailures.INVALID_TERMS,
          new Mapping(HttpStatus.BAD_REQUEST, "invalid-licence-terms", "Invalid licence terms"));

  private LicenceProblems() {}

  /** Whether the failure type is one of the licence half's. */
  public static boolean isLicenceFailure(String failureType) {
    return BY_FAILURE_TYPE.containsKey(failureType);
  }

  /** The problem of a {@link LicenceFailures} type, with the sentence as its detail. */
  public static ErrorResponseException of(String failureType, String detail) {
    Mapping mapping = BY_FAILURE_TYPE.get(failureType);
    if (mapping == null) {
      throw new IllegalArgumentException("Not a licence failure type: " + failureType);
    }
    return Problems.exception(mapping.status(), mapping.type(), mapping.title(), detail);
  }

  /** The HTTP status of a {@link LicenceFailures} type. */
  public static HttpStatus statusOf(String failureType) {
    Mapping mapping = BY_FAILURE_TYPE.get(failureType);
    return mapping == null ? HttpStatus.INTERNAL_SERVER_ERROR : mapping.status();
  }

  public static ErrorResponseException tokenRejected(String detail) {
    return Problems.exception(HttpStatus.UNAUTHORIZED, TOKEN_REJECTED, "Unauthorized", detail);
  }
}
