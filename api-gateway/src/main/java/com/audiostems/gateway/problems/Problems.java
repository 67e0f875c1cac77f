package com.audiostems.gateway.problems;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The gateway's own RFC 9457 problems. Each has a stable {@code type} (a URN, so that no host name
 * is promised), a short title and a detail that says what the caller can do.
 */
public final class Problems {
  private static final String TYPE_PREFIX = "urn:audiostems:problem:";

  private Problems() {}

  public static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + type));
    problem.setTitle(title);
    return problem;
  }

  /** An exception that Spring MVC answers with this problem as the response body. */
  public static ErrorResponseException exception(
      HttpStatus status, String type, String title, String detail) {
    return new ErrorResponseException(status, detail(status, type, title, detail), null);
  }

  public static ErrorResponseException badRequest(String type, String detail) {
    return exception(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
  }

  public static ErrorResponseException notFound(String type, String detail) {
    return exception(HttpStatus.NOT_FOUND, type, "Not found", detail);
  }

  public static ErrorResponseException conflict(String type, String detail) {
    return exception(HttpStatus.CONFLICT, type, "Conflict", detail);
  }

  public static ErrorResponseException forbidden(String type, String detail) {
    return exception(HttpStatus.FORBIDDEN, type, "Forbidden", detail);
  }
}
