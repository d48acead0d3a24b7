package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** cassette runs on the user's OkHttp; one that is too old is refused with what to do about it. */
class OkHttpVersionTest {
  @Test
  void acceptsOkHttp412AndEveryLaterLine() {
    assertNull(OkHttpVersion.problem("4.12.0", "okhttp-4.12.0.jar"));
    assertNull(OkHttpVersion.problem("5.3.2", "okhttp-jvm-5.3.2.jar"));
    assertNull(OkHttpVersion.problem("5.0.0-alpha.14", "okhttp-5.0.0-alpha.14.jar"));
    assertNull(OkHttpVersion.problem("6.0.0", "okhttp-6.0.0.jar"));
  }

  @Test
  void refusesOlderOkHttpNamingTheJarAndTheFix() {
    String message = OkHttpVersion.problem("3.14.9", "file:/m2/okhttp-3.14.9.jar");
    assertEquals("cassette-okhttp needs OkHttp 4.12 or later (com.squareup.okhttp3:okhttp 4.12, or "
        + "okhttp-jvm 5.x), but the class path has OkHttp 3.14.9 from file:/m2/okhttp-3.14.9.jar. cassette "
        + "uses the OkHttp your project has instead of bringing a second one: declare a newer one in your "
        + "test dependencies, e.g. com.squareup.okhttp3:okhttp:4.12.0, or upgrade the library that brings "
        + "this one.", message);
    assertTrue(OkHttpVersion.problem("4.11.0", "x.jar").contains("OkHttp 4.11.0 from x.jar"));
  }

  @Test
  void aVersionItCannotReadIsNoReasonToRefuse() {
    assertNull(OkHttpVersion.problem(null, "x.jar"));
    assertNull(OkHttpVersion.problem("snapshot", "x.jar"));
  }

  @Test
  void theOkHttpThisBuildRunsOnPasses() {
    assertDoesNotThrow(OkHttpVersion::require);
  }
}
