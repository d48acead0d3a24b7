package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PASSTHROUGH leaves requests alone: not buffered, not matched, not recorded. */
class PassthroughTest {
  @TempDir Path dir;

  @Test
  void requestBodyGoesOutAsGivenAndNothingIsSaved() throws Exception {
    Path file = dir.resolve("cassette.yaml");
    RequestBody body = RequestBody.create("{\"stream\":true}", MediaType.parse("application/json"));
    List<RequestBody> sent = new CopyOnWriteArrayList<>();
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "text/plain").body("live"));
      try (Recorder recorder = Recording.recorder(file, Mode.PASSTHROUGH)) {
        OkHttpClient client = Recording.client(recorder).newBuilder()
            .addNetworkInterceptor(chain -> {
              sent.add(chain.request().body());
              return chain.proceed(chain.request());
            })
            .build();
        Request request = new Request.Builder().url(server.url("/v1/chat")).post(body).build();
        try (Response response = client.newCall(request).execute()) {
          assertEquals("live", response.body().string());
        }
      }
    }
    assertSame(body, sent.get(0), "the body reached the network as the caller built it, not a buffered copy");
    assertFalse(Files.exists(file));
  }
}
