package com.audiostems.gateway.security;

/**
 * The authenticated caller: the configured name of its API key and the key's role.
 *
 * @param name owner recorded on the uploads and tracks this client creates
 * @param licensee the licensee a licensee key is bound to; null for every other role
 */
public record ApiClient(String name, Role role, String licensee) {

  public ApiClient(String name, Role role) {
    this(name, role, null);
  }

  /** Operators and admins read every licence; a licensee only its own; uploaders none. */
  public boolean readsAllLicences() {
    return role == Role.OPERATOR || role == Role.ADMIN;
  }

  /** Whether this client may read (and, for a licensee or admin, download) the licence. */
  public boolean readsLicenceOf(String licenceLicensee) {
    return readsAllLicences()
        || (role == Role.LICENSEE && licensee != null && licensee.equals(licenceLicensee));
  }

  /** Operators and admins read every track; uploaders only their own. */
  public boolean readsAllTracks() {
    return role == Role.OPERATOR || role == Role.ADMIN;
  }

  /** Admins may start tracks from anyone's uploads; uploaders only from their own. */
  public boolean usesAllUploads() {
    return role == Role.ADMIN;
  }
}
