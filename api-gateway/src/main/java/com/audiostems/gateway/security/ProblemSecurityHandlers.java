package com.audiostems.gateway.security;

import com.audiostems.gateway.problems.ProblemWriter;
import com.audiostems.gateway.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem details, like every other error of the API. */
@Component
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final ProblemWriter problems;

  public ProblemSecurityHandlers(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String detail =
        e instanceof BadCredentialsException
            ? e.getMessage()
            : "Send your API key in the " + ApiKeyAuthenticationFilter.HEADER + " header.";
    problems.write(
        request,
        response,
        Problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", detail));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String who =
        auth != null && auth.getPrincipal() instanceof ApiClient client
            ? "Key '"
                + client.name()
                + "' (role "
                + client.role().name().toLowerCase(java.util.Locale.ROOT)
                + ")"
            : "This key";
    problems.write(
        request,
        response,
        Problems.detail(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            who + " may not " + request.getMethod() + " " + request.getRequestURI() + "."));
  }
}
