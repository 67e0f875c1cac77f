package com.audiostems.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Stateless API-key authentication: no sessions, no cookies, hence no CSRF
 * tokens. The local store's upload and file endpoints carry their own authority (a signed, expiring
 * link), as a presigned S3 URL does, so they need no key; so do a licence's files, which a licensee
 * may fetch with its licence token instead of a key.
 */
@Configuration
public class SecurityConfiguration {
  private static final String UPLOADER = "UPLOADER";
  private static final String OPERATOR = "OPERATOR";
  private static final String ADMIN = "ADMIN";
  private static final String LICENSEE = "LICENSEE";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, ApiKeyRegistry registry, ProblemSecurityHandlers handlers)
      throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(registry, handlers), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(ADMIN)
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    // The operator console's static files hold no data: every call they make
                    // carries the key typed into them.
                    .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/v1/session")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/v1/search/tracks")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.PUT, "/v1/uploads/*/content")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/v1/files/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/v1/files/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/v1/hls/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/v1/uploads")
                    .hasRole(UPLOADER)
                    .requestMatchers(HttpMethod.GET, "/v1/uploads/*")
                    .hasRole(UPLOADER)
                    .requestMatchers(HttpMethod.POST, "/v1/uploads/*/complete")
                    .hasRole(UPLOADER)
                    .requestMatchers(HttpMethod.DELETE, "/v1/uploads/*")
                    .hasRole(UPLOADER)
                    .requestMatchers(HttpMethod.POST, "/v1/tracks")
                    .hasRole(UPLOADER)
                    .requestMatchers(HttpMethod.GET, "/v1/tracks")
                    .hasRole(OPERATOR)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/v1/tracks/*",
                        "/v1/tracks/*/files",
                        "/v1/tracks/*/quality")
                    .hasAnyRole(UPLOADER, OPERATOR)
                    .requestMatchers(HttpMethod.POST, "/v1/tracks/*/reprocess")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.POST, "/v1/tracks/*/review")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.POST, "/v1/identify")
                    .hasAnyRole(UPLOADER, OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/v1/identify/*")
                    .hasAnyRole(UPLOADER, OPERATOR)
                    .requestMatchers(HttpMethod.DELETE, "/v1/tracks/*")
                    .hasRole(OPERATOR)
                    // A licensee's files carry their own authority too: its API key or its
                    // licence token (Authorization: Licence ..., or ?token=); the controller
                    // checks.
                    .requestMatchers(HttpMethod.GET, "/v1/licences/*/files")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/v1/licences")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/v1/licences", "/v1/licences/*")
                    .hasAnyRole(LICENSEE, OPERATOR)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/v1/licences/*/revoke",
                        "/v1/licences/*/expire",
                        "/v1/licences/*/extend")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.POST, "/v1/trace")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/v1/trace/*")
                    .hasRole(OPERATOR)
                    .requestMatchers(HttpMethod.GET, "/v1/analytics/*", "/v1/tracks/*/metrics")
                    .hasRole(OPERATOR)
                    .anyRequest()
                    .denyAll())
        .build();
  }
}
