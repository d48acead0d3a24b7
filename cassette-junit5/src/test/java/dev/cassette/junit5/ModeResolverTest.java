package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Mode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModeResolverTest {
  private static final Map<String, String> PROPERTY = Map.of("cassette.mode", "record");
  private static final Map<String, String> VARIABLE = Map.of("CASSETTE_MODE", "new-episodes");
  private static final Optional<String> PARAMETER = Optional.of("passthrough");

  private static ModeResolver.ResolvedMode resolve(Optional<Mode> pinned, Map<String, String> properties,
      Map<String, String> variables, Optional<String> parameter) {
    Environment environment = new FakeEnvironment(properties, variables);
    return new ModeResolver(environment, name -> parameter).resolve(pinned, "@UseCassette(mode = " + pinned.orElse(null) + ")");
  }

  @Test
  void pinnedModeWinsOverEverything() {
    ModeResolver.ResolvedMode mode = resolve(Optional.of(Mode.REPLAY_ONLY), PROPERTY,
        Map.of("CASSETTE_MODE", "record", "CI", "true"), PARAMETER);
    assertEquals(Mode.REPLAY_ONLY, mode.mode());
    assertTrue(mode.pinned());
    assertEquals("@UseCassette(mode = REPLAY_ONLY)", mode.source());
  }

  @Test
  void systemPropertyWinsOverVariableAndParameter() {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), PROPERTY, VARIABLE, PARAMETER);
    assertEquals(Mode.RECORD_ONLY, mode.mode());
    assertFalse(mode.pinned());
    assertEquals("system property cassette.mode", mode.source());
  }

  @Test
  void variableWinsOverParameter() {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), Map.of(), VARIABLE, PARAMETER);
    assertEquals(Mode.REPLAY_WITH_NEW_EPISODES, mode.mode());
    assertEquals("environment variable CASSETTE_MODE", mode.source());
  }

  @Test
  void parameterWinsOverDefaults() {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), Map.of(), Map.of("CI", "true"), PARAMETER);
    assertEquals(Mode.PASSTHROUGH, mode.mode());
    assertEquals("configuration parameter cassette.mode", mode.source());
  }

  @Test
  void defaultIsReplayOnlyUnderCi() {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), Map.of(), Map.of("CI", "true"), Optional.empty());
    assertEquals(Mode.REPLAY_ONLY, mode.mode());
    assertEquals("the default while the environment variable CI is set", mode.source());
  }

  /** What CI services set: true (most), 1, or their own name. */
  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "1", "yes", "woodpecker"})
  void theseValuesOfCiMeanCi(String ci) {
    assertEquals(Mode.REPLAY_ONLY, resolve(Optional.empty(), Map.of(), Map.of("CI", ci), Optional.empty()).mode());
  }

  /** What a person sets to say "not CI", e.g. {@code CI=false mvn test} to record on a machine that has CI set. */
  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "0", "", " ", "no", "NO", "off", " false "})
  void theseValuesOfCiDoNotMeanCi(String ci) {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), Map.of(), Map.of("CI", ci), Optional.empty());
    assertEquals(Mode.RECORD_ONCE, mode.mode());
    assertEquals("the default", mode.source());
  }

  @Test
  void defaultIsRecordOnceOnADevelopersMachine() {
    assertEquals(Mode.RECORD_ONCE, resolve(Optional.empty(), Map.of(), Map.of(), Optional.empty()).mode());
  }

  @Test
  void blankSettingsCountAsUnset() {
    ModeResolver.ResolvedMode mode = resolve(Optional.empty(), Map.of("cassette.mode", " "),
        Map.of("CASSETTE_MODE", ""), Optional.of("replay"));
    assertEquals(Mode.REPLAY_ONLY, mode.mode());
    assertEquals("configuration parameter cassette.mode", mode.source());
  }

  @Test
  void namesIgnoreCase() {
    assertEquals(Mode.REPLAY_WITH_NEW_EPISODES,
        resolve(Optional.empty(), Map.of("cassette.mode", "New-Episodes"), Map.of(), Optional.empty()).mode());
    assertEquals(Mode.RECORD_ONCE,
        resolve(Optional.empty(), Map.of(), Map.of("CASSETTE_MODE", "ONCE"), Optional.empty()).mode());
  }

  @Test
  void unknownNameFailsNamingTheSettingAndTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resolve(Optional.empty(), Map.of(), Map.of("CASSETTE_MODE", "replay-only-please"), Optional.empty()));
    assertEquals("environment variable CASSETTE_MODE: unknown cassette mode 'replay-only-please': "
        + "use one of record, replay, new-episodes, once, passthrough", e.getMessage());
  }
}
