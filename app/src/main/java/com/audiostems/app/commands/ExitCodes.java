package com.audiostems.app.commands;

/** The exit codes of every {@code audiostems} command; 64 and 66 are sysexits.h's. */
public final class ExitCodes {
  /** Published, found, added; a server or worker stopped by Ctrl-C or SIGTERM. */
  public static final int OK = 0;

  /** Failed for a reason other than the input (the message names it); a retry may succeed. */
  public static final int FAILED = 1;

  /** The input is the problem: the track was rejected, or the file is not decodable audio. */
  public static final int REJECTED = 2;

  /** {@code identify} found no match, {@code watermark detect} no mark. */
  public static final int NOT_FOUND = 3;

  /** Bad arguments: an unknown command or option, a missing or malformed value (EX_USAGE). */
  public static final int USAGE = 64;

  /** FILE is not an existing, readable regular file (EX_NOINPUT). */
  public static final int NO_INPUT = 66;

  private ExitCodes() {}
}
