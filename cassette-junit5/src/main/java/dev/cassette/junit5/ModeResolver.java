package dev.cassette.junit5;

import dev.cassette.core.Mode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides a test's {@link Mode}. The first of these that is set wins: the mode pinned in code
 * ({@code @UseCassette(mode)} or the extension's builder), the system property {@code cassette.mode},
 * the environment variable {@code CASSETTE_MODE}, the JUnit configuration parameter {@code cassette.mode}
 * (e.g. in {@code junit-platform.properties}); else {@link Mode#REPLAY_ONLY} when the environment variable
 * {@code CI} is set ({@link Environment#isCi()}: not to {@code false}, {@code 0}, {@code no}, {@code off}
 * or nothing), so that CI never reaches the network, and {@link Mode#RECORD_ONCE} on a developer's machine.
 */
final class ModeResolver {
  static final String PROPERTY = "cassette.mode";
  static final String VARIABLE = "CASSETTE_MODE";
  static final String CONFIGURATION_PARAMETER = "cassette.mode";

  private final Environment environment;
  private final Function<String, Optional<String>> configurationParameters;

  ModeResolver(Environment environment, Function<String, Optional<String>> configurationParameters) {
    this.environment = environment;
    this.configurationParameters = configurationParameters;
  }

  /**
   * @param pinned the mode set in code, if any
   * @param pinnedBy where {@code pinned} was set, for messages
   * @throws IllegalArgumentException when a setting names no mode; the message names the setting
   */
  ResolvedMode resolve(Optional<Mode> pinned, String pinnedBy) {
    if (pinned.isPresent()) return new ResolvedMode(pinned.get(), pinnedBy, true);
    ResolvedMode found = parse(environment.systemProperty(PROPERTY), "system property " + PROPERTY);
    if (found != null) return found;
    found = parse(environment.variable(VARIABLE), "environment variable " + VARIABLE);
    if (found != null) return found;
    found = parse(configurationParameters.apply(CONFIGURATION_PARAMETER).orElse(null),
        "configuration parameter " + CONFIGURATION_PARAMETER);
    if (found != null) return found;
    if (environment.isCi()) {
      return new ResolvedMode(
          Mode.REPLAY_ONLY, "the default while the environment variable CI is set", false);
    }
    return new ResolvedMode(Mode.RECORD_ONCE, "the default", false);
  }

  private static ResolvedMode parse(String value, String source) {
    if (value == null || value.isBlank()) return null;
    try {
      return new ResolvedMode(Mode.fromName(value), source, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * A mode and where it came from.
   *
   * @param source for messages, e.g. {@code system property cassette.mode}
   * @param pinned true when set in code, where the command line cannot change it
   */
  record ResolvedMode(Mode mode, String source, boolean pinned) {}
}
