package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of the fantasy corpus replays through {@link CassetteHttpClient}, asked for with the
 * request rebuilt from the cassette: same status, every header value, version and body bytes. The SSE
 * streams, AWS event streams and HTTP/2 recordings of real LLM APIs all pass through java.net.http here.
 */
class CorpusReplayTest {
  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  @TestFactory
  Stream<DynamicTest> everyCorpusInteractionReplays() throws IOException {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertEquals(350, files.size(), "corpus files");
    return files.stream().map(file -> DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> replay(file)));
  }

  private static void replay(Path file) throws Exception {
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).allowRepeats(true).build()) {
      Cassette cassette = recorder.cassette();
      HttpClient client = CassetteHttpClient.wrap(recorder, JdkContractClient.BASE);
      for (Interaction interaction : cassette.interactions()) {
        HttpResponse<byte[]> response = client.send(request(interaction.request()), BodyHandlers.ofByteArray());
        dev.cassette.core.Response recorded = interaction.response();
        assertEquals(recorded.code(), response.statusCode());
        assertEquals(recorded.protoMajor() >= 2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1,
            response.version());
        assertEquals(lowerCase(recorded.headers().asMap()), lowerCase(response.headers().map()));
        byte[] expected = bodyless(interaction) ? new byte[0] : recorded.body().bytes();
        assertArrayEquals(expected, response.body(), interaction.toString());
      }
    }
  }

  private static boolean bodyless(Interaction interaction) {
    int code = interaction.response().code();
    return interaction.request().method().equals("HEAD") || code == 204 || code == 304;
  }

  private static HttpRequest request(dev.cassette.core.Request recorded) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recorded.url()));
    recorded.headers().asMap().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) values.forEach(value -> request.header(name, value));
    });
    return request.method(recorded.method(), recorded.body().isEmpty()
        ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(recorded.body().bytes())).build();
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>();
    headers.forEach((name, values) -> out.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
        .addAll(values));
    return out;
  }
}
