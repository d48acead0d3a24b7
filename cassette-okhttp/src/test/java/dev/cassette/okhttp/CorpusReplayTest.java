package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of the fantasy corpus replays through the interceptor, asked for with the request
 * rebuilt from the cassette: same code, reason, headers (names and order as recorded) and body bytes.
 * A recorded {@code transfer_encoding} comes back as the header a live OkHttp response has.
 */
class CorpusReplayTest {
  private static final OkHttpClient BASE = new OkHttpClient();
  /** Methods OkHttp refuses without a body. */
  private static final Set<String> REQUIRE_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

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

  private static void replay(Path file) throws IOException {
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .allowRepeats(true).build()) {
      Cassette cassette = recorder.cassette();
      OkHttpClient client = BASE.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
      for (Interaction interaction : cassette.interactions()) {
        try (Response response = client.newCall(request(interaction.request())).execute()) {
          dev.cassette.core.Response recorded = interaction.response();
          assertEquals(recorded.code(), response.code());
          assertEquals(recorded.message(), response.message());
          assertEquals(expectedHeaders(recorded), pairs(response.headers()));
          byte[] expected = bodyless(interaction) ? new byte[0] : recorded.body().bytes();
          assertArrayEquals(expected, response.body().bytes(), interaction.toString());
        }
      }
    }
  }

  private static boolean bodyless(Interaction interaction) {
    int code = interaction.response().code();
    return interaction.request().method().equals("HEAD") || code == 204 || code == 304;
  }

  private static okhttp3.Request request(dev.cassette.core.Request recorded) {
    Headers.Builder headers = new Headers.Builder();
    recorded.headers().asMap().forEach((name, values) -> values.forEach(v -> headers.addUnsafeNonAscii(name, v)));
    RequestBody body = null;
    if (!recorded.body().isEmpty() || REQUIRE_BODY.contains(recorded.method())) {
      String contentType = recorded.headers().firstIgnoreCase("Content-Type");
      body = RequestBody.create(recorded.body().bytes(), contentType == null ? null : MediaType.parse(contentType));
    }
    return new okhttp3.Request.Builder().url(recorded.url()).headers(headers.build())
        .method(recorded.method(), body).build();
  }

  /**
   * The recorded headers in order, then the {@code Transfer-Encoding} that Go keeps in its own field and
   * an OkHttp caller sees as a header.
   */
  private static List<String> expectedHeaders(dev.cassette.core.Response recorded) {
    List<String> pairs = pairs(recorded.headers().asMap());
    if (!recorded.transferEncoding().isEmpty()) {
      pairs.add("Transfer-Encoding: " + String.join(", ", recorded.transferEncoding()));
    }
    return pairs;
  }

  private static List<String> pairs(Map<String, List<String>> headers) {
    List<String> pairs = new ArrayList<>();
    headers.forEach((name, values) -> values.forEach(value -> pairs.add(name + ": " + value)));
    return pairs;
  }

  private static List<String> pairs(Headers headers) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) pairs.add(headers.name(i) + ": " + headers.value(i));
    return pairs;
  }
}
