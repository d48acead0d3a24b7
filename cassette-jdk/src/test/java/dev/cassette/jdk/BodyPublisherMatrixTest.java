package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.contract.LoopbackServer;
import dev.cassette.core.contract.Reply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@link BodyPublisher}, one-shot ones included: the server receives exactly the caller's
 * bytes (chunked when the caller's length was unknown), the cassette holds them, and the same request
 * replays from it.
 */
class BodyPublisherMatrixTest {
  private static final String JSON = "{\"model\":\"gpt-4o-mini\",\"input\":\"héllo\"}";
  private static final byte[] BYTES = JSON.getBytes(StandardCharsets.UTF_8);

  @TempDir static Path files;
  @TempDir Path dir;

  /** A publisher that serves one subscriber only, as a caller's own stream-backed publisher may. */
  static BodyPublisher oneShot(boolean knownLength) {
    AtomicBoolean used = new AtomicBoolean();
    Flow.Publisher<ByteBuffer> publisher = subscriber -> {
      if (used.getAndSet(true)) throw new IllegalStateException("one-shot publisher subscribed twice");
      BodyPublishers.ofByteArrays(List.of(
          JSON.substring(0, 10).getBytes(StandardCharsets.UTF_8),
          JSON.substring(10).getBytes(StandardCharsets.UTF_8))).subscribe(subscriber);
    };
    return knownLength ? BodyPublishers.fromPublisher(publisher, BYTES.length) : BodyPublishers.fromPublisher(publisher);
  }

  /** An input stream that may be asked for once. */
  static Supplier<InputStream> oneStream() {
    AtomicBoolean used = new AtomicBoolean();
    return () -> {
      if (used.getAndSet(true)) throw new IllegalStateException("stream asked for twice");
      return new ByteArrayInputStream(BYTES);
    };
  }

  static Stream<Arguments> publishers() throws Exception {
    Path file = Files.write(files.resolve("request.json"), BYTES);
    return Stream.of(
        Arguments.of("ofString", (Supplier<BodyPublisher>) () -> BodyPublishers.ofString(JSON), false),
        Arguments.of("ofByteArray", (Supplier<BodyPublisher>) () -> BodyPublishers.ofByteArray(BYTES), false),
        Arguments.of("ofByteArrays", (Supplier<BodyPublisher>) () -> BodyPublishers.ofByteArrays(
            List.of(BYTES)), true),
        Arguments.of("ofInputStream, one-shot", (Supplier<BodyPublisher>) () -> BodyPublishers.ofInputStream(oneStream()), true),
        Arguments.of("ofFile", (Supplier<BodyPublisher>) () -> {
          try {
            return BodyPublishers.ofFile(file);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }, false),
        Arguments.of("fromPublisher, one-shot, unknown length", (Supplier<BodyPublisher>) () -> oneShot(false), true),
        Arguments.of("fromPublisher, one-shot, known length", (Supplier<BodyPublisher>) () -> oneShot(true), false),
        Arguments.of("concat", (Supplier<BodyPublisher>) () -> BodyPublishers.concat(
            BodyPublishers.ofString(JSON.substring(0, 5)), BodyPublishers.ofString(JSON.substring(5))), false));
  }

  private static boolean chunked(Map<String, List<String>> headers) {
    return headers.entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Transfer-Encoding")
        && header.getValue().stream().anyMatch(value -> value.equalsIgnoreCase("chunked")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishers")
  void capturedThenSentUnchanged(String name, Supplier<BodyPublisher> body, boolean unknownLength) throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    URI uri;
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(Reply.of(200, "application/json", "{\"ok\":true}"));
      uri = URI.create(server.url("/v1/responses"));
      try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .POST(body.get()).build();
        String live = CassetteHttpClient.wrap(recorder, JdkContractClient.BASE)
            .send(request, BodyHandlers.ofString()).body();
        assertEquals("{\"ok\":true}", live);
      }
      LoopbackServer.Received received = server.takeRequest();
      assertArrayEquals(BYTES, received.body());
      assertEquals(unknownLength, chunked(received.headers()), "chunked exactly when the caller's length was unknown");
    }
    Interaction recorded = Cassette.load(cassette).interactions().get(0);
    assertArrayEquals(BYTES, recorded.request().body().bytes());
    assertEquals(BYTES.length, recorded.request().contentLength());

    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      HttpRequest again = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(body.get()).build();
      assertEquals("{\"ok\":true}", CassetteHttpClient.wrap(recorder, JdkContractClient.BASE)
          .sendAsync(again, BodyHandlers.ofString()).get().body());
      assertTrue(recorder.unusedInteractions().isEmpty());
    }
  }
}
