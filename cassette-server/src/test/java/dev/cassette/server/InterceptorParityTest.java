package dev.cassette.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.Response;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same calls recorded by cassette-okhttp's interceptor and through the server give the same
 * interactions (but for timing: the duration and the Date header), and each cassette replays through the
 * other.
 */
class InterceptorParityTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String SSE = "data: {\"delta\":\"Hel\"}\n\ndata: {\"delta\":\"lo\"}\n\ndata: [DONE]\n\n";

  @TempDir Path dir;

  private static StandIn upstream() throws IOException {
    return StandIn.start((exchange, request) -> {
      switch (request.uri()) {
        case "/v1/chat/completions" -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(SSE.getBytes(StandardCharsets.UTF_8));
          }
        }
        case "/v1/models?limit=2" -> {
          ByteArrayOutputStream gz = new ByteArrayOutputStream();
          try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"data\":[]}".getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, gz.size());
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(gz.toByteArray());
          }
        }
        default -> StandIn.reply(exchange, 200, "application/json", request.body());
      }
    });
  }

  /** The calls, made against {@code base} by {@code client}; returns the bodies received. */
  private static List<String> calls(OkHttpClient client, HttpUrl base) throws IOException {
    List<Request> requests = List.of(
        new Request.Builder().url(base.resolve("/v1/chat/completions"))
            .header("User-Agent", "parity/1")
            .post(RequestBody.create("{\"stream\":true}", JSON)).build(),
        new Request.Builder().url(base.resolve("/v1/models?limit=2")).header("User-Agent", "parity/1").build(),
        new Request.Builder().url(base.resolve("/v1/embeddings"))
            .header("User-Agent", "parity/1")
            .post(RequestBody.create("{\"input\":\"x\"}", JSON)).build());
    List<String> bodies = new java.util.ArrayList<>();
    for (Request request : requests) {
      try (okhttp3.Response response = client.newCall(request).execute()) {
        bodies.add(response.body().string());
      }
    }
    return bodies;
  }

  @Test
  void theServerRecordsWhatTheInterceptorRecordsAndEachReplaysTheOthers() throws Exception {
    Path byInterceptor = dir.resolve("interceptor.yaml");
    Path byServer = dir.resolve("server.yaml");
    OkHttpClient plain = new OkHttpClient();
    String upstreamUrl;
    List<String> live;
    try (StandIn upstream = upstream()) {
      upstreamUrl = upstream.url();
      try (Recorder recorder = Recorder.builder(byInterceptor).mode(Mode.RECORD_ONLY).build()) {
        live = calls(withInterceptor(recorder), HttpUrl.get(upstreamUrl));
      }
      try (Recorder recorder = Recorder.builder(byServer).mode(Mode.RECORD_ONLY).build();
          CassetteServer server = CassetteServer.start(recorder, upstreamUrl)) {
        assertEquals(live, calls(plain, HttpUrl.get(server.baseUri().toString())));
      }
    }

    List<Interaction> a = Cassette.load(byInterceptor).interactions();
    List<Interaction> b = Cassette.load(byServer).interactions();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).request(), b.get(i).request(), "request " + i);
      assertEquals(withoutTiming(a.get(i).response()), withoutTiming(b.get(i).response()), "response " + i);
    }

    try (Recorder recorder = Recorder.builder(byServer).mode(Mode.REPLAY_ONLY).build()) {
      assertEquals(live, calls(withInterceptor(recorder), HttpUrl.get(upstreamUrl)));
    }
    try (Recorder recorder = Recorder.builder(byInterceptor).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstreamUrl)) {
      assertEquals(live, calls(plain, HttpUrl.get(server.baseUri().toString())));
    }
    assertArrayEquals(SSE.getBytes(StandardCharsets.UTF_8), live.get(0).getBytes(StandardCharsets.UTF_8));
  }

  private static OkHttpClient withInterceptor(Recorder recorder) {
    return new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build();
  }

  /** Without what differs between two recordings made a moment apart: the duration and the Date header. */
  private static Response withoutTiming(Response response) {
    return response.toBuilder()
        .duration(dev.cassette.core.GoDuration.ZERO)
        .headers(response.headers().toBuilder().removeIgnoreCase("Date").build())
        .build();
  }
}
