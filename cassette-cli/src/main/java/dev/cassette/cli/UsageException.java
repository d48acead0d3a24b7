package dev.cassette.cli;

/**
 * The command line itself is wrong: an unknown command or option, a missing argument, a path that does
 * not exist. Reported as a short message plus usage on stderr with exit status 2, never a stack trace,
 * so that scripts can tell "you called me wrong" from "your cassettes are wrong" (status 1).
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
