package com.audiostems.gateway.security;

/**
 * The authenticated caller: the configured name of its API key and the key's role.
 *
 * @param name owner recorded on the uploads and tracks this client creates
 */
public record ApiClient(String name, Role role) {

  /** Operators and admins read every track; uploaders only their own. */
  public boolean readsAllTracks() {
    return role == Role.OPERATOR || role == Role.ADMIN;
  }

  /** Admins may start tracks from anyone's uploads; uploaders only from their own. */
  public boolean usesAllUploads() {
    return role == Role.ADMIN;
  }
}
