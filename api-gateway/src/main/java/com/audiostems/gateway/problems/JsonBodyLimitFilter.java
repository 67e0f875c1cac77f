package com.audiostems.gateway.problems;

import com.audiostems.gateway.config.RequestLimitProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the bodies of the JSON API: a declared length over the limit is answered 413 before anything
 * is read, and a chunked body is cut off as soon as it passes the limit. The upload content
 * endpoint and the trace's file upload are left alone: they stream to disk under their own limits.
 * Completing an upload in parts lists up to 10,000 parts with their ETags, so that body may grow to
 * {@link #COMPLETE_BODY_BYTES}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class JsonBodyLimitFilter extends OncePerRequestFilter {
  /**
   * 10,000 parts of {@code {"partNumber":10000,"eTag":"\"<32 hex>-10000\""}} and spaces fit in 128
   * bytes each.
   */
  static final long COMPLETE_BODY_BYTES = 10_000L * 128;

  private final long limitBytes;
  private final ProblemWriter problems;

  public JsonBodyLimitFilter(RequestLimitProperties limits, ProblemWriter problems) {
    this.limitBytes = limits.maxJsonBody().toBytes();
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean uploadContent =
        "PUT".equals(request.getMethod())
            && path.startsWith("/v1/uploads/")
            && path.endsWith("/content");
    // A found file for tracing: multipart, under the uploads' limit (spring.servlet.multipart).
    boolean traceFile = "POST".equals(request.getMethod()) && path.equals("/v1/trace");
    return uploadContent || traceFile;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limitBytes = limitOf(request);
    if (request.getContentLengthLong() > limitBytes) {
      problems.write(request, response, tooLarge(limitBytes));
      return;
    }
    chain.doFilter(new LimitedRequest(request, limitBytes), response);
  }

  private long limitOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean completion =
        "POST".equals(request.getMethod())
            && path.startsWith("/v1/uploads/")
            && path.endsWith("/complete");
    return completion ? Math.max(limitBytes, COMPLETE_BODY_BYTES) : limitBytes;
  }

  private org.springframework.http.ProblemDetail tooLarge(long limitBytes) {
    return Problems.detail(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        "JSON request bodies are limited to "
            + limitBytes
            + " bytes (audiostems.gateway.limits.max-json-body).");
  }

  /** The request with an input stream that fails once more than the limit has been read. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limitBytes;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), limitBytes);
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limitBytes;
    private long read;

    LimitedInputStream(ServletInputStream in, long limitBytes) {
      this.in = in;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limitBytes) {
        throw new BodyTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
