package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteLayout;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.Layout;
import dev.cassette.junit5.standin.StandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The layout of the cassettes a test creates: {@code @UseCassette(layout)}, then the extension builder's,
 * then the system property {@code cassette.layout}, then the configuration parameter, else compact.
 */
class CassetteLayoutChoiceTest {
  @TempDir Path dir;

  private StandIn server;

  @BeforeEach
  void startServer() throws Exception {
    server = StandIn.start(request -> new StandIn.Answer("text/plain", "response to " + request.path()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static void call(OkHttpClient client, HttpUrl server) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.resolve("/v1/models")).build())
        .execute()) {
      assertEquals("response to /v1/models", response.body().string());
    }
  }

  @ExtendWith(SampleServer.class)
  static class ByDefault {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder().environment(FakeEnvironment.EMPTY).build();

    @Test
    void records(OkHttpClient client, HttpUrl server) throws IOException {
      call(client, server);
    }
  }

  @ExtendWith(SampleServer.class)
  static class BySystemProperty {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(new FakeEnvironment(Map.of("cassette.layout", "go-vcr"), Map.of())).build();

    @Test
    void records(OkHttpClient client, HttpUrl server) throws IOException {
      call(client, server);
    }
  }

  @ExtendWith(SampleServer.class)
  static class ByBuilder {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder().layout(CassetteLayout.GO_VCR)
        .environment(new FakeEnvironment(Map.of("cassette.layout", "compact"), Map.of())).build();

    @Test
    void records(OkHttpClient client, HttpUrl server) throws IOException {
      call(client, server);
    }

    @Test
    @UseCassette(layout = CassetteLayout.GO_VCR_LEGACY)
    void annotated(OkHttpClient client, HttpUrl server) throws IOException {
      call(client, server);
    }
  }

  @ExtendWith(SampleServer.class)
  static class Misspelt {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(new FakeEnvironment(Map.of("cassette.layout", "govcr"), Map.of())).build();

    @Test
    void records(OkHttpClient client) {}
  }

  private EngineExecutionResults run(Class<?> sample, String... parameters) {
    return SampleRuns.run(dir, server, sample, parameters);
  }

  private static List<String> failures(EngineExecutionResults results) {
    return SampleRuns.failureMessages(results);
  }

  private void assertLayout(CassetteLayout expected, Path file) throws IOException {
    Cassette cassette = Cassette.load(file);
    assertEquals(expected.layout(), cassette.layout(), file.toString());
    assertEquals(expected.profile(), cassette.profile(), file.toString());
    assertEquals(cassette.toYaml(), Files.readString(file));
  }

  @Test
  void newCassettesAreCompactByDefault() throws IOException {
    assertEquals(List.of(), failures(run(ByDefault.class)));
    assertLayout(CassetteLayout.COMPACT, dir.resolve("ByDefault/records.yaml"));
  }

  @Test
  void theConfigurationParameterChoosesForTheRun() throws IOException {
    assertEquals(List.of(), failures(run(ByDefault.class, "cassette.layout", "go-vcr")));
    Path file = dir.resolve("ByDefault/records.yaml");
    assertLayout(CassetteLayout.GO_VCR, file);
    assertTrue(Files.readString(file).contains("\ninteractions:\n    - id: 0\n"), "go-vcr's indent 4");
  }

  @Test
  void theSystemPropertyWinsOverTheConfigurationParameter() throws IOException {
    assertEquals(List.of(), failures(run(BySystemProperty.class, "cassette.layout", "compact")));
    assertLayout(CassetteLayout.GO_VCR, dir.resolve("BySystemProperty/records.yaml"));
  }

  @Test
  void theBuilderWinsOverThePropertyAndTheAnnotationOverTheBuilder() throws IOException {
    assertEquals(List.of(), failures(run(ByBuilder.class)));
    assertLayout(CassetteLayout.GO_VCR, dir.resolve("ByBuilder/records.yaml"));
    assertLayout(CassetteLayout.GO_VCR_LEGACY, dir.resolve("ByBuilder/annotated.yaml"));
    assertEquals(FieldProfile.LEGACY, Cassette.load(dir.resolve("ByBuilder/annotated.yaml")).profile());
  }

  @Test
  void anExistingCassetteKeepsItsLayout() throws IOException {
    assertEquals(List.of(), failures(run(ByDefault.class)));
    Path file = dir.resolve("ByDefault/records.yaml");
    String compact = Files.readString(file);
    assertEquals(List.of(), failures(run(ByDefault.class, "cassette.layout", "go-vcr", "cassette.mode", "new-episodes")));
    assertEquals(compact, Files.readString(file));
    assertEquals(Layout.COMPACT, Cassette.load(file).layout());
  }

  @Test
  void anUnknownLayoutFailsWithTheValidNames() {
    assertEquals(List.of("system property cassette.layout: unknown cassette layout 'govcr': use one of compact,"
        + " go-vcr, go-vcr-legacy"), failures(run(Misspelt.class)));
  }
}
