package dev.cassette.okhttp;

import static dev.cassette.okhttp.testserver.RawServer.send;
import static dev.cassette.okhttp.testserver.RawServer.sendChunk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.testserver.RawServer;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording: streams reach the caller as they arrive, and only whole exchanges reach the cassette. */
class RecordingStreamTest {
  private static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

  @TempDir Path dir;

  private Path cassette;
  private Recorder recorder;
  private OkHttpClient client;
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger interceptorLog = Logger.getLogger(CassetteInterceptor.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        synchronized (warnings) {
          warnings.add(record);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void setUp() {
    cassette = dir.resolve("cassette.yaml");
    recorder = Recording.recorder(cassette, Mode.RECORD_ONLY);
    client = Recording.client(recorder);
    interceptorLog.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    interceptorLog.removeHandler(capture);
    recorder.stop();
  }

  @Test
  void eventsReachTheCallerBeforeTheStreamEnds() throws Exception {
    CountDownLatch firstEventSeen = new CountDownLatch(1);
    try (RawServer server = new RawServer(out -> {
      send(out, SSE_HEAD);
      sendChunk(out, "data: one\n\n");
      // Holds the rest back until the caller has the first event: a recorder that buffered the whole
      // body before returning would never let it.
      if (!firstEventSeen.await(10, TimeUnit.SECONDS)) throw new AssertionError("first event never reached the caller");
      sendChunk(out, "data: two\n\n");
      send(out, "0\r\n\r\n");
    })) {
      try (Response response = client.newCall(new Request.Builder().url(server.url("/stream")).build()).execute()) {
        BufferedSource source = response.body().source();
        assertEquals("data: one", source.readUtf8LineStrict());
        firstEventSeen.countDown();
        assertEquals(List.of(), recorder.cassette().interactions(), "recorded before the stream ended");
        assertEquals("\ndata: two\n\n", source.readUtf8());
      }
      assertNull(server.scriptFailure());
    }
    List<Interaction> recorded = recorder.cassette().interactions();
    assertEquals(1, recorded.size());
    assertEquals("data: one\n\ndata: two\n\n", recorded.get(0).response().body().text());
  }

  @Test
  void bodyClosedEarlyIsStillRecordedWhole() throws Exception {
    byte[] body = new byte[200_000];
    for (int i = 0; i < body.length; i++) body[i] = (byte) ('a' + i % 26);
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "text/plain").body(body));
      try (Response response = client.newCall(new Request.Builder().url(server.url("/big")).build()).execute()) {
        assertEquals('a', response.body().source().readByte());
      }
    }
    List<Interaction> recorded = recorder.cassette().interactions();
    assertEquals(1, recorded.size());
    assertArrayEquals(body, recorded.get(0).response().body().bytes());
  }

  @Test
  void failedExchangeRecordsNothingAndSaysWhy() throws Exception {
    try (RawServer server = new RawServer(out -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n");
      send(out, "only ten b");
    })) {
      Call call = client.newCall(new Request.Builder().url(server.url("/truncated")).build());
      try (Response response = call.execute()) {
        assertThrows(IOException.class, () -> response.body().bytes());
      }
    }
    assertEquals(List.of(), recorder.cassette().interactions());
    assertLoggedNotRecording("/truncated");
  }

  @Test
  void canceledExchangeRecordsNothing() throws Exception {
    CountDownLatch canceled = new CountDownLatch(1);
    try (RawServer server = new RawServer(out -> {
      send(out, SSE_HEAD);
      sendChunk(out, "data: one\n\n");
      canceled.await(10, TimeUnit.SECONDS);
    })) {
      Call call = client.newCall(new Request.Builder().url(server.url("/endless")).build());
      try (Response response = call.execute()) {
        assertEquals("data: one", response.body().source().readUtf8LineStrict());
        call.cancel();
      } finally {
        canceled.countDown();
      }
    }
    assertEquals(List.of(), recorder.cassette().interactions());
    assertLoggedNotRecording("/endless");
  }

  @Test
  void failedConnectionRecordsNothing() throws Exception {
    String url;
    try (RawServer server = new RawServer(null)) {
      url = server.url("/gone") + "?key=s3cret-in-the-url";
      Call call = client.newBuilder().retryOnConnectionFailure(false).build()
          .newCall(new Request.Builder().url(url).build());
      assertThrows(IOException.class, call::execute);
    }
    assertEquals(List.of(), recorder.cassette().interactions());
    assertLoggedNotRecording("/gone");
    synchronized (warnings) {
      assertTrue(warnings.stream().noneMatch(r -> r.getMessage().contains("s3cret")), "a secret reached the log");
    }
  }

  @Test
  void bodyEndingAfterTheRecorderStoppedIsNotRecordedAndSaysWhy() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "text/plain").body("late"));
      try (Response response = client.newCall(new Request.Builder().url(server.url("/late")).build()).execute()) {
        recorder.stop();
        assertEquals("late", response.body().string());
      }
    }
    assertEquals(List.of(), Recording.load(cassette).interactions());
    assertLoggedNotRecording("/late");
  }

  private void assertLoggedNotRecording(String path) {
    synchronized (warnings) {
      assertTrue(warnings.stream().anyMatch(r -> r.getMessage().contains("not recording") && r.getMessage().contains(path)),
          "no warning about " + path + " in " + warnings.stream().map(LogRecord::getMessage).toList());
    }
  }

  @Test
  void oneShotRequestBodyIsRecordedAndSentIntact() throws Exception {
    byte[] json = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);
    RequestBody oneShot = new RequestBody() {
      private boolean written;

      @Override
      public MediaType contentType() {
        return MediaType.parse("application/json");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        if (written) throw new IllegalStateException("one-shot body written twice");
        written = true;
        sink.write(json);
      }
    };
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").body("{}"));
      Request request = new Request.Builder().url(server.url("/v1/chat")).post(oneShot).build();
      try (Response response = client.newCall(request).execute()) {
        assertEquals("{}", response.body().string());
      }
      assertArrayEquals(json, server.takeRequest().body());
    }
    Interaction recorded = recorder.cassette().interactions().get(0);
    assertArrayEquals(json, recorded.request().body().bytes());
    assertEquals(json.length, recorded.request().contentLength());
  }

  @Test
  void sixteenConcurrentCallsAreAllRecordedWithDenseIdsAndReplayConcurrently() throws Exception {
    int calls = 16;
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try (TestServer server = TestServer.start()) {
      for (int i = 0; i < calls; i++) server.enqueue(Reply.code(200).header("Content-Type", "text/plain").body("ok"));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        Request request = new Request.Builder().url(server.url("/item/" + i)).build();
        results.add(pool.submit(() -> {
          start.await();
          try (Response response = client.newCall(request).execute()) {
            return response.body().string();
          }
        }));
      }
      start.countDown();
      for (Future<String> result : results) assertEquals("ok", result.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    recorder.stop();

    Cassette saved = Recording.load(cassette);
    assertEquals(calls, saved.interactions().size());
    Set<String> urls = new HashSet<>();
    for (Interaction interaction : saved.interactions()) urls.add(interaction.request().url());
    assertEquals(calls, urls.size(), "every call recorded once: " + urls);
    List<Integer> ids = new ArrayList<>();
    Matcher id = Pattern.compile("(?m)^- id: (\\d+)$").matcher(Files.readString(cassette));
    while (id.find()) ids.add(Integer.parseInt(id.group(1)));
    List<Integer> dense = new ArrayList<>();
    for (int i = 0; i < calls; i++) dense.add(i);
    assertEquals(dense, ids);

    // The server is gone; 16 threads replay at once, and each recording answers exactly one of them.
    Recorder replay = Recording.recorder(cassette, Mode.REPLAY_ONLY);
    OkHttpClient replaying = Recording.client(replay);
    ExecutorService replayPool = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (String url : urls) {
        results.add(replayPool.submit(() -> {
          start.await();
          try (Response response = replaying.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
          }
        }));
      }
      start.countDown();
      for (Future<String> result : results) assertEquals("ok", result.get(30, TimeUnit.SECONDS));
    } finally {
      replayPool.shutdownNow();
    }
    assertEquals(List.of(), replay.unusedInteractions());
    replay.stop();
  }
}
