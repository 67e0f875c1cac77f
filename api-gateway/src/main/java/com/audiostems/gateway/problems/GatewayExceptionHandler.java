package com.audiostems.gateway.problems;

import com.audiostems.storage.UnsafeKeyException;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API leaves as an RFC 9457 problem: Spring MVC's own (bad JSON, unknown path,
 * wrong method) through the base class, the gateway's through {@link Problems}, and Temporal's
 * client exceptions and storage's refusals mapped here to what they mean for a track.
 */
@RestControllerAdvice
public class GatewayExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

  @ExceptionHandler(WorkflowNotFoundException.class)
  ProblemDetail notFound(WorkflowNotFoundException e) {
    return Problems.detail(
        HttpStatus.NOT_FOUND, "track-not-found", "Not found", "No track '" + trackIdOf(e) + "'.");
  }

  @ExceptionHandler(WorkflowExecutionAlreadyStarted.class)
  ProblemDetail alreadyStarted(WorkflowExecutionAlreadyStarted e) {
    return Problems.detail(
        HttpStatus.CONFLICT,
        "track-exists",
        "Conflict",
        "Track '" + trackIdOf(e) + "' already exists.");
  }

  /**
   * The workflow's validator refused the update before it reached the history: its reason is the
   * detail.
   */
  @ExceptionHandler(WorkflowUpdateException.class)
  ProblemDetail updateRejected(WorkflowUpdateException e) {
    ApplicationFailure reason = applicationCause(e);
    String detail = reason != null ? reason.getOriginalMessage() : e.getMessage();
    return Problems.detail(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "update-rejected",
        "Request rejected by the track",
        detail);
  }

  @ExceptionHandler(WorkflowQueryException.class)
  ProblemDetail queryFailed(WorkflowQueryException e) {
    log.warn("Query of {} failed", e.getExecution().getWorkflowId(), e);
    return Problems.detail(
        HttpStatus.BAD_GATEWAY,
        "track-query-failed",
        "Track did not answer",
        "The track's workflow failed to answer a query; try again.");
  }

  /** Ids are checked by the workflow contract's own rule, which throws this failure type. */
  @ExceptionHandler(ApplicationFailure.class)
  ProblemDetail applicationFailure(ApplicationFailure e) {
    if (TrackFailures.UNSAFE_KEY.equals(e.getType())) {
      return Problems.detail(
          HttpStatus.BAD_REQUEST, "bad-id", "Bad request", e.getOriginalMessage());
    }
    if (LicenceProblems.isLicenceFailure(e.getType())) {
      return LicenceProblems.of(e.getType(), e.getOriginalMessage()).getBody();
    }
    return internalError(e);
  }

  /** Storage's own check refused a key before it named a file or an object. */
  @ExceptionHandler(UnsafeKeyException.class)
  ProblemDetail unsafeKey(UnsafeKeyException e) {
    return Problems.detail(HttpStatus.BAD_REQUEST, "bad-key", "Bad request", e.getMessage());
  }

  @ExceptionHandler(WorkflowServiceException.class)
  ProblemDetail temporalCall(WorkflowServiceException e) {
    StatusRuntimeException status = statusCause(e);
    return status != null ? fromStatus(status) : internalError(e);
  }

  /** Raw gRPC calls (visibility listing) fail with the bare status. */
  @ExceptionHandler(StatusRuntimeException.class)
  ProblemDetail grpcStatus(StatusRuntimeException e) {
    return fromStatus(e);
  }

  @ExceptionHandler(WorkflowException.class)
  ProblemDetail otherWorkflowException(WorkflowException e) {
    return internalError(e);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    return internalError(e);
  }

  /** A chunked body cut off by {@link JsonBodyLimitFilter} surfaces here as unreadable JSON. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        ProblemDetail problem =
            Problems.detail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                tooLarge.getMessage());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
      }
    }
    ProblemDetail problem =
        Problems.detail(
            HttpStatus.BAD_REQUEST,
            "unreadable-body",
            "Bad request",
            "The request body is not the JSON this endpoint takes: " + rootMessage(ex));
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A multipart file (a trace's) over the uploads' limit. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        Problems.detail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "upload-too-large",
            "Upload too large",
            "The file is larger than this gateway takes ("
                + (ex.getMaxUploadSize() < 0
                    ? "audiostems.gateway.uploads.max-size"
                    : ex.getMaxUploadSize() + " bytes")
                + ").");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
  }

  /** A body that is not what the endpoint takes (JSON, or a multipart form for a trace). */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        Problems.detail(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            "This endpoint takes "
                + ex.getSupportedMediaTypes()
                + ", not "
                + ex.getContentType()
                + ".");
    return handleExceptionInternal(
        ex, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
  }

  /** A multipart body that cannot be parsed (cut off, no boundary). */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail badMultipart(MultipartException e) {
    return Problems.detail(
        HttpStatus.BAD_REQUEST,
        "bad-multipart",
        "Bad request",
        "The multipart/form-data body could not be read: " + rootMessage(e));
  }

  /** A request body that breaks its record's constraints: each field and what it must be. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String fields =
        ex.getFieldErrors().stream()
            .map(f -> f.getField() + " " + f.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    ProblemDetail problem =
        Problems.detail(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Bad request",
            "The request is not valid: " + fields + ".");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private ProblemDetail fromStatus(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return switch (code) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED ->
          Problems.detail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "temporal-unavailable",
              "Service unavailable",
              "Temporal did not answer in time (" + code + "); try again shortly.");
      case INVALID_ARGUMENT ->
          Problems.detail(
              HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getStatus().getDescription());
      case UNIMPLEMENTED ->
          Problems.detail(
              HttpStatus.NOT_IMPLEMENTED,
              "temporal-unsupported",
              "Not implemented",
              "The Temporal server does not offer this call: " + e.getStatus().getDescription());
      default -> internalError(e);
    };
  }

  private static ProblemDetail internalError(Exception e) {
    log.error("Unexpected error", e);
    return Problems.detail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal server error",
        "The gateway failed to handle this request; the error is in its log.");
  }

  private static String trackIdOf(WorkflowException e) {
    String workflowId = e.getExecution().getWorkflowId();
    String trackId = TrackIngestWorkflow.trackIdOf(workflowId);
    return trackId != null ? trackId : workflowId;
  }

  private static ApplicationFailure applicationCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
    }
    return null;
  }

  private static StatusRuntimeException statusCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return status;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    // Jackson appends the source location; the caller knows what it sent.
    int at = message == null ? -1 : message.indexOf("\n at [");
    return at >= 0 ? message.substring(0, at) : String.valueOf(message);
  }
}
