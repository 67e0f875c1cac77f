package com.audiostems.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code X-Api-Key} header. No header: the request goes on anonymous, and the
 * authorization rules decide (health, docs and signed links need none). An unknown key is answered
 * 401 at once rather than treated as anonymous, so that a mistyped key is not mistaken for a
 * missing permission.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  public static final String HEADER = "X-Api-Key";

  private final ApiKeyRegistry registry;
  private final AuthenticationEntryPoint entryPoint;

  public ApiKeyAuthenticationFilter(ApiKeyRegistry registry, AuthenticationEntryPoint entryPoint) {
    this.registry = registry;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiClient> client = registry.find(key);
    if (client.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(
          request,
          response,
          new BadCredentialsException("The API key in " + HEADER + " is not known."));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            client.get(), null, client.get().role().authorities()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
