package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.contract.LoopbackServer;
import dev.cassette.core.contract.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@link BodyHandler}, through {@code send} and {@code sendAsync}: recording gives the caller
 * the body the server sent and records it whole; the replay gives the caller the same body with no server.
 */
class BodyHandlerMatrixTest {
  private static final String BODY = "line one\nline two: héllo\nline three\n";

  @TempDir static Path files;
  @TempDir Path dir;

  /** Reads a response body of some kind to text, so every handler's result can be compared. */
  interface Handler {
    BodyHandler<?> handler();

    String text(Object body) throws IOException;
  }

  private static Handler handler(BodyHandler<?> handler, TextOf textOf) {
    return new Handler() {
      @Override
      public BodyHandler<?> handler() {
        return handler;
      }

      @Override
      public String text(Object body) throws IOException {
        return textOf.apply(body);
      }
    };
  }

  interface TextOf {
    String apply(Object body) throws IOException;
  }

  static Stream<Arguments> handlers() {
    return Stream.of(
        Arguments.of("ofString", handler(BodyHandlers.ofString(), body -> (String) body)),
        Arguments.of("ofByteArray", handler(BodyHandlers.ofByteArray(),
            body -> new String((byte[]) body, StandardCharsets.UTF_8))),
        Arguments.of("ofInputStream", handler(BodyHandlers.ofInputStream(), body -> {
          try (InputStream in = (InputStream) body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        })),
        Arguments.of("ofLines", handler(BodyHandlers.ofLines(),
            body -> ((Stream<?>) body).map(Object::toString).collect(Collectors.joining("\n", "", "\n")))),
        Arguments.of("ofPublisher", handler(BodyHandlers.ofPublisher(), BodyHandlerMatrixTest::drain)),
        Arguments.of("ofFile", handler(BodyHandlers.ofFile(files.resolve("body-" + System.nanoTime())),
            body -> Files.readString((Path) body))),
        Arguments.of("discarding", handler(BodyHandlers.discarding(), body -> BODY)),
        Arguments.of("replacing", handler(BodyHandlers.replacing("fixed"), body -> BODY)),
        Arguments.of("ofByteArrayConsumer", consumer()),
        Arguments.of("custom subscriber", custom()),
        Arguments.of("buffering", handler(BodyHandlers.buffering(BodyHandlers.ofString(), 4), body -> (String) body)));
  }

  /** A subscriber of the caller's own that collects what it is given, requesting one item at a time. */
  private static Handler custom() {
    return handler(info -> BodySubscribers.fromSubscriber(new Flow.Subscriber<List<ByteBuffer>>() {
      final ByteArrayOutputStream out = new ByteArrayOutputStream();
      Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
          byte[] bytes = new byte[item.remaining()];
          item.get(bytes);
          out.writeBytes(bytes);
        }
        subscription.request(1);
      }

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    }, subscriber -> subscriber.out.toString(StandardCharsets.UTF_8)), body -> (String) body);
  }

  private static Handler consumer() {
    ByteArrayOutputStream[] out = {new ByteArrayOutputStream()};
    BodyHandler<Void> handler = info -> {
      out[0] = new ByteArrayOutputStream();
      ByteArrayOutputStream target = out[0];
      return BodySubscribers.ofByteArrayConsumer((Optional<byte[]> chunk) -> chunk.ifPresent(target::writeBytes));
    };
    return handler(handler, body -> out[0].toString(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static String drain(Object body) throws IOException {
    Flow.Publisher<List<ByteBuffer>> publisher = (Flow.Publisher<List<ByteBuffer>>) body;
    CompletableFuture<String> text = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      final ByteArrayOutputStream out = new ByteArrayOutputStream();

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        items.forEach(item -> {
          byte[] bytes = new byte[item.remaining()];
          item.get(bytes);
          out.writeBytes(bytes);
        });
      }

      @Override
      public void onError(Throwable throwable) {
        text.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        text.complete(out.toString(StandardCharsets.UTF_8));
      }
    });
    try {
      return text.get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IOException(e);
    }
  }

  private static HttpResponse<?> send(HttpClient client, HttpRequest request, Handler handler, boolean async)
      throws Exception {
    if (!async) return client.send(request, handler.handler());
    return client.sendAsync(request, handler.handler()).get();
  }

  @ParameterizedTest(name = "{0}, send")
  @MethodSource("handlers")
  void send(String name, Handler handler) throws Exception {
    recordThenReplay(handler, false);
  }

  @ParameterizedTest(name = "{0}, sendAsync")
  @MethodSource("handlers")
  void sendAsync(String name, Handler handler) throws Exception {
    recordThenReplay(handler, true);
  }

  private void recordThenReplay(Handler handler, boolean async) throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    URI uri;
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(Reply.of(200, "text/plain; charset=utf-8", BODY).inChunks());
      uri = URI.create(server.url("/text"));
      try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
        HttpResponse<?> live = send(CassetteHttpClient.wrap(recorder, JdkContractClient.BASE),
            HttpRequest.newBuilder(uri).build(), handler, async);
        assertEquals(200, live.statusCode());
        assertEquals(BODY, handler.text(live.body()));
      }
    }
    assertEquals(BODY, Cassette.load(cassette).interactions().get(0).response().body().text());
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      HttpResponse<?> replayed = send(CassetteHttpClient.wrap(recorder, JdkContractClient.BASE),
          HttpRequest.newBuilder(uri).build(), handler, async);
      assertEquals(200, replayed.statusCode());
      assertEquals(BODY, handler.text(replayed.body()));
      assertTrue(recorder.unusedInteractions().isEmpty());
    }
  }
}
