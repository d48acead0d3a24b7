package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Pacing;
import dev.cassette.core.Recorder;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a replayed response is made of, with no server anywhere: the requests go to port 1. */
class ReplayTest {
  private static final String URL = "http://127.0.0.1:1/v1/chat/completions";
  private static final String STREAM = "data: {\"delta\":\"a\"}\n\nevent: ping\ndata: {}\r\n\r\ndata: [DONE]\n\n";

  @TempDir Path dir;

  private Recorder recorder(Response response, Mode mode) {
    return recorder(response, mode, Pacing.INSTANT);
  }

  private Recorder recorder(Response response, Mode mode, Pacing pacing) {
    Cassette cassette = Cassette.builder()
        .add(Request.builder().method("GET").url(URL).build(), response)
        .build();
    return Recorder.builder(dir.resolve("cassette.yaml")).mode(mode).pacing(pacing).cassette(cassette).build();
  }

  private static HttpRequest get() {
    return HttpRequest.newBuilder(URI.create(URL)).build();
  }

  @Test
  void statusEveryHeaderVersionRequestAndUri() throws Exception {
    Response recorded = Response.builder().protocol("HTTP/2.0").code(201).status("201 Created")
        .headers(Multimap.builder().add("Content-Type", "application/json").add("Set-Cookie", "a=1")
            .add("Set-Cookie", "b=2").add("X-Request-Id", "req-1").build())
        .body("{\"id\":1}").build();
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY)) {
      HttpRequest request = get();
      HttpResponse<String> response = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())
          .send(request, BodyHandlers.ofString());
      assertEquals(201, response.statusCode());
      assertEquals(HttpClient.Version.HTTP_2, response.version());
      assertEquals(List.of("a=1", "b=2"), response.headers().allValues("set-cookie"));
      assertEquals(List.of("req-1"), response.headers().allValues("X-Request-Id"));
      assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
      assertSame(request, response.request());
      assertEquals(request.uri(), response.uri());
      assertTrue(response.previousResponse().isEmpty());
      assertTrue(response.sslSession().isEmpty());
      assertEquals("{\"id\":1}", response.body());
    }
  }

  @Test
  void anEventStreamArrivesOneEventPerOnNext() throws Exception {
    Response recorded = Response.builder().headers(Multimap.of("Content-Type", "text/event-stream; charset=utf-8"))
        .body(STREAM).build();
    List<String> items = new ArrayList<>();
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY)) {
      CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()).send(get(), info ->
          BodySubscribers.fromSubscriber(new Flow.Subscriber<List<ByteBuffer>>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              this.subscription = subscription;
              subscription.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
              items.add(item.stream().map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString())
                  .collect(Collectors.joining()));
              subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {}

            @Override
            public void onComplete() {}
          }));
    }
    assertEquals(List.of("data: {\"delta\":\"a\"}\n\n", "event: ping\ndata: {}\r\n\r\n", "data: [DONE]\n\n"), items);
  }

  @Test
  void anEventStreamReadsAsLines() throws Exception {
    Response recorded = Response.builder().headers(Multimap.of("Content-Type", "text/event-stream")).body(STREAM).build();
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY)) {
      List<String> lines = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())
          .sendAsync(get(), BodyHandlers.ofLines()).get().body().collect(Collectors.toList());
      assertEquals(List.of("data: {\"delta\":\"a\"}", "", "event: ping", "data: {}", "", "data: [DONE]", ""), lines);
    }
  }

  @Test
  void noContentHasNoBodyWhateverTheRecordingSays() throws Exception {
    Response recorded = Response.builder().code(204).body("stray").build();
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY)) {
      HttpResponse<String> response = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())
          .send(get(), BodyHandlers.ofString());
      assertEquals(204, response.statusCode());
      assertEquals("", response.body());
      assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }
  }

  @Test
  void anUnmatchedRequestFailsSendAsyncWithTheExceptionItself() throws Exception {
    try (Recorder recorder = recorder(Response.builder().body("x").build(), Mode.REPLAY_ONLY)) {
      HttpRequest other = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/v1/models")).build();
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())
              .sendAsync(other, BodyHandlers.ofString()).get());
      assertTrue(failure.getCause() instanceof NoMatchingInteractionException, "got " + failure.getCause());
      Throwable[] seen = new Throwable[1];
      CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()).sendAsync(other, BodyHandlers.ofString())
          .whenComplete((response, thrown) -> seen[0] = thrown);
      assertTrue(seen[0] instanceof NoMatchingInteractionException,
          "as java.net.http fails its futures, not wrapped in CompletionException: " + seen[0]);
    }
  }

  @Test
  void recordedPacingStillAnswers() throws Exception {
    Response recorded = Response.builder().duration(GoDuration.ofNanos(1_000_000)).body("paced").build();
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY, Pacing.RECORDED)) {
      HttpClient client = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
      assertEquals("paced", client.sendAsync(get(), BodyHandlers.ofString()).get().body());
    }
    try (Recorder recorder = recorder(recorded, Mode.REPLAY_ONLY, Pacing.RECORDED)) {
      HttpClient client = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
      assertEquals("paced", client.send(get(), BodyHandlers.ofString()).body());
    }
  }

  @Test
  void aStoppedRecorderFailsLoudly() {
    Recorder recorder = recorder(Response.builder().body("x").build(), Mode.REPLAY_ONLY);
    recorder.stop();
    assertThrows(IllegalStateException.class, () -> CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())
        .send(get(), BodyHandlers.ofString()));
  }
}
