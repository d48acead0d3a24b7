package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run by every JUnit version of the matrix: the project's own JUnit runs cassette's extension, which
 * records through the project's own OkHttp and replays offline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JUnitMatrixTest {
  private static final String DIR = "target/cassettes";
  private static StandIn api;

  @BeforeAll
  static void start() throws IOException {
    api = new StandIn("application/json", "{\"greeting\":\"hello\"}");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String get(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(api.url("/hello")).build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  @Order(1)
  @UseCassette(value = "hello", dir = DIR, mode = Mode.RECORD_ONLY)
  void records(OkHttpClient client) throws IOException {
    assertEquals("{\"greeting\":\"hello\"}", get(client));
    assertEquals(1, api.requests());
  }

  @Test
  @Order(2)
  @UseCassette(value = "hello", dir = DIR, mode = Mode.REPLAY_ONLY)
  void replaysWithoutTheNetwork(OkHttpClient client, Recorder recorder) throws IOException {
    assertEquals("{\"greeting\":\"hello\"}", get(client));
    assertEquals(1, api.requests(), "a replay opens no socket");
    assertEquals(List.of(), recorder.unusedInteractions());
  }

  @Test
  void runsOnTheProjectsOwnJUnit() throws IOException {
    assertEquals(System.getProperty("expected.junit"), Test.class.getPackage().getImplementationVersion());
    List<URL> apis = Collections.list(getClass().getClassLoader().getResources("org/junit/jupiter/api/Test.class"));
    assertEquals(1, apis.size(), apis.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b"})
  @UseCassette(dir = DIR, mode = Mode.RECORD_ONLY)
  void parameterizedTestsGetACassetteEach(String name, Recorder recorder) {
    assertEquals(DIR + "/JUnitMatrixTest/parameterizedTestsGetACassetteEach-" + ("a".equals(name) ? 1 : 2)
        + ".yaml", recorder.path().toString());
  }

  @Nested
  class Inner {
    @Test
    @UseCassette(dir = DIR, mode = Mode.RECORD_ONLY)
    void nestedTestsToo(Recorder recorder) {
      assertEquals(DIR + "/JUnitMatrixTest/Inner/nestedTestsToo.yaml", recorder.path().toString());
    }
  }
}
