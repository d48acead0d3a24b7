package dev.cassette.junit5;

import java.util.Map;

/** An {@link Environment} made of fixed maps, so tests never depend on the real process. */
record FakeEnvironment(Map<String, String> properties, Map<String, String> variables)
    implements Environment {
  static final FakeEnvironment EMPTY = new FakeEnvironment(Map.of(), Map.of());

  @Override
  public String systemProperty(String name) {
    return properties.get(name);
  }

  @Override
  public String variable(String name) {
    return variables.get(name);
  }
}
