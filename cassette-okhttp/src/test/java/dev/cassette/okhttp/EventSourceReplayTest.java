package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** okhttp-sse's EventSource sees the same events from a replay as from the live server, one per read. */
class EventSourceReplayTest {
  private static final String STREAM = ": keep-alive comment\n\n"
      + "id: 1\nevent: message_start\ndata: {\"type\":\"message_start\"}\n\n"
      + "data: {\"delta\":\"Hel\"}\n\n"
      + "data: line one\ndata: line two\n\n"
      + "event: message_stop\ndata: {}\n\n"
      + "data: [DONE]\n\n";

  @TempDir Path dir;

  /** Records the text each read of a response body returned. */
  private static final class ReadLog implements Interceptor {
    final List<String> reads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      ResponseBody body = response.body();
      ForwardingSource logged = new ForwardingSource(body.source()) {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long read = super.read(sink, byteCount);
          if (read > 0) reads.add(sink.snapshot().substring((int) (sink.size() - read)).utf8());
          return read;
        }
      };
      return response.newBuilder()
          .body(ResponseBody.create(Okio.buffer(logged), body.contentType(), body.contentLength()))
          .build();
    }
  }

  private static List<String> events(OkHttpClient client, Request request) throws InterruptedException {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    EventSources.createFactory(client).newEventSource(request, new EventSourceListener() {
      @Override
      public void onEvent(EventSource source, String id, String type, String data) {
        events.add(id + "|" + type + "|" + data);
      }

      @Override
      public void onClosed(EventSource source) {
        done.countDown();
      }

      @Override
      public void onFailure(EventSource source, Throwable t, Response response) {
        failure.set(t != null ? t : new AssertionError("failed with " + response));
        done.countDown();
      }
    });
    assertTrue(done.await(10, TimeUnit.SECONDS), "the event source never closed");
    assertNull(failure.get());
    return events;
  }

  @Test
  void replayYieldsTheLiveEventsEachFromItsOwnRead() throws Exception {
    Path cassette = dir.resolve("sse.yaml");
    Request request;
    List<String> live;
    try (TestServer server = TestServer.start();
        Recorder recorder = Recording.recorder(cassette, Mode.RECORD_ONLY)) {
      for (int i = 0; i < 2; i++) {
        server.enqueue(Reply.code(200).header("Content-Type", "text/event-stream").body(STREAM).chunked(7));
      }
      request = new Request.Builder().url(server.url("/v1/messages")).build();
      live = events(new OkHttpClient(), request);
      // Recording changes nothing the caller sees.
      assertEquals(live, events(Recording.client(recorder), request));
    }
    assertEquals(5, live.size(), live.toString());

    ReadLog readLog = new ReadLog();
    try (Recorder recorder = Recording.recorder(cassette, Mode.REPLAY_ONLY)) {
      // The read log sits outside the cassette interceptor, where it sees what EventSource reads.
      OkHttpClient logged = new OkHttpClient.Builder().addInterceptor(readLog)
          .addInterceptor(new CassetteInterceptor(recorder)).build();
      assertEquals(live, events(logged, request));
    }
    assertEquals(List.of(": keep-alive comment\n\n",
        "id: 1\nevent: message_start\ndata: {\"type\":\"message_start\"}\n\n",
        "data: {\"delta\":\"Hel\"}\n\n",
        "data: line one\ndata: line two\n\n",
        "event: message_stop\ndata: {}\n\n",
        "data: [DONE]\n\n"), readLog.reads);
  }
}
