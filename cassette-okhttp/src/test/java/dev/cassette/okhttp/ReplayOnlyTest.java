package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Pacing;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.testserver.RawServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REPLAY_ONLY answers from the cassette and never touches the network. */
class ReplayOnlyTest {
  @TempDir Path dir;

  private Path cassetteWith(String url) throws IOException {
    Path file = dir.resolve("cassette.yaml");
    Cassette.builder()
        .add(dev.cassette.core.Request.builder().method("GET").url(url).build(),
            dev.cassette.core.Response.builder().code(200).status("200 OK")
                .headers(Multimap.of("Content-Type", "text/plain"))
                .duration(GoDuration.parse("1h"))
                .body("recorded").build())
        .build()
        .save(file);
    return file;
  }

  @Test
  void unmatchedRequestFailsWithoutOpeningASocket() throws Exception {
    try (RawServer server = new RawServer(null)) {
      Path file = cassetteWith(server.url("/v1/recorded"));
      try (Recorder recorder = Recording.recorder(file, Mode.REPLAY_ONLY)) {
        OkHttpClient client = Recording.client(recorder);
        try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/recorded")).build()).execute()) {
          assertEquals("recorded", response.body().string());
        }
        NoMatchingInteractionException thrown = assertThrows(NoMatchingInteractionException.class,
            () -> client.newCall(new Request.Builder().url(server.url("/v1/unrecorded")).build()).execute());
        assertTrue(thrown.getMessage().contains(server.url("/v1/unrecorded")), thrown.getMessage());
      }
      // Connections are accepted in order: once this probe is counted, any earlier one would have been.
      try (Socket probe = new Socket("127.0.0.1", Integer.parseInt(server.url("").replaceAll(".*:", "")))) {
        while (server.connections() == 0) Thread.sleep(5);
      }
      assertEquals(1, server.connections(), "the replay opened a connection");
    }
  }

  @Test
  void recordedPacingWaitsAndCanBeInterrupted() throws Exception {
    Path file = cassetteWith("http://127.0.0.1:9/slow");
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .pacing(Pacing.RECORDED).build()) {
      assertEquals(Pacing.RECORDED, recorder.pacing());
      OkHttpClient client = Recording.client(recorder);
      Thread[] caller = new Thread[1];
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      caller[0] = new Thread(() -> {
        try (Response response = client.newCall(new Request.Builder().url("http://127.0.0.1:9/slow").build()).execute()) {
          outcome.complete(null);
        } catch (Throwable t) {
          outcome.complete(t);
        }
      });
      caller[0].start();
      // The recorded time to headers is an hour: the call is still pacing when it is interrupted.
      while (caller[0].getState() != Thread.State.TIMED_WAITING) Thread.sleep(5);
      caller[0].interrupt();
      Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
      assertTrue(thrown instanceof InterruptedIOException, String.valueOf(thrown));
    }
  }

  @Test
  void canceledCallIsNotReplayed() throws Exception {
    Path file = cassetteWith("http://127.0.0.1:9/item");
    try (Recorder recorder = Recording.recorder(file, Mode.REPLAY_ONLY)) {
      Call call = Recording.client(recorder).newCall(new Request.Builder().url("http://127.0.0.1:9/item").build());
      call.cancel();
      IOException thrown = assertThrows(IOException.class, call::execute);
      assertEquals("Canceled", thrown.getMessage());
    }
  }

  @Test
  void cancelingEndsRecordedPacing() throws Exception {
    Path file = cassetteWith("http://127.0.0.1:9/slow");
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .pacing(Pacing.RECORDED).build()) {
      Call call = Recording.client(recorder).newCall(new Request.Builder().url("http://127.0.0.1:9/slow").build());
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        try (Response response = call.execute()) {
          outcome.complete(null);
        } catch (Throwable t) {
          outcome.complete(t);
        }
      });
      caller.start();
      // The recorded time to headers is an hour: the call is still pacing when it is canceled.
      while (caller.getState() != Thread.State.TIMED_WAITING) Thread.sleep(5);
      call.cancel();
      Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
      assertTrue(thrown instanceof IOException && "Canceled".equals(thrown.getMessage()), String.valueOf(thrown));
    }
  }
}
