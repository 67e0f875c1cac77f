package com.audiostems.gateway.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do. The grants are spelled out per role (no hierarchy to reason about): an
 * admin holds every role's authority.
 */
public enum Role {
  /** Creates uploads, starts tracks from its own uploads and reads its own tracks. */
  UPLOADER("ROLE_UPLOADER"),
  /** Reads every track, lists them, re-processes and deletes them. */
  OPERATOR("ROLE_OPERATOR"),
  /**
   * Bound to one licensee: reads that licensee's licences and downloads their marked copies;
   * nothing else.
   */
  LICENSEE("ROLE_LICENSEE"),
  /** Everything, including the actuator endpoints beyond health. */
  ADMIN("ROLE_UPLOADER", "ROLE_OPERATOR", "ROLE_LICENSEE", "ROLE_ADMIN");

  private final List<GrantedAuthority> authorities;

  Role(String... authorities) {
    this.authorities =
        java.util.Arrays.stream(authorities)
            .<GrantedAuthority>map(SimpleGrantedAuthority::new)
            .toList();
  }

  public List<GrantedAuthority> authorities() {
    return authorities;
  }
}
