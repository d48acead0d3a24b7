package dev.cassette.junit5;

import java.util.Locale;
import java.util.Set;

/**
 * The process settings the extension reads besides annotations: system properties and environment
 * variables. An interface so that tests can decide the mode without touching the real process.
 */
interface Environment {
  /** Values of {@code CI} that say "not CI", compared ignoring case and surrounding blanks. */
  Set<String> NOT_CI = Set.of("", "false", "0", "no", "off");

  /** The system property's value, or null. */
  String systemProperty(String name);

  /** The environment variable's value, or null. */
  String variable(String name);

  /**
   * True when the environment variable {@code CI} says this run is on a CI service. Services set it to
   * {@code true} (GitHub Actions, GitLab, CircleCI, Travis), {@code 1} or their own name, so any value
   * counts, except those a person sets to say the opposite: empty or blank, {@code false}, {@code 0},
   * {@code no} and {@code off}, in any case. {@code CI=false mvn test} on a laptop must not turn
   * recording off.
   */
  default boolean isCi() {
    String ci = variable("CI");
    return ci != null && !NOT_CI.contains(ci.strip().toLowerCase(Locale.ROOT));
  }

  /** The running JVM's system properties and environment. */
  static Environment system() {
    return new Environment() {
      @Override
      public String systemProperty(String name) {
        return System.getProperty(name);
      }

      @Override
      public String variable(String name) {
        return System.getenv(name);
      }
    };
  }
}
