package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Matcher;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.Redaction;
import dev.cassette.core.Response;
import dev.cassette.core.SharedFiles;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code README.md shows, compiled and run, so the README cannot drift from the API. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void recorderAndInterceptor() throws Exception {
    Path path = dir.resolve("src/test/resources/cassettes/chat.yaml");
    Matcher matcher = Matchers.method()
        .and(Matchers.urlIgnoringQueryParameters("timestamp"))
        .and(Matchers.jsonBodyIgnoring("/metadata/request_id"));
    Redaction redaction = Redaction.builder()
        .allowHeaders("OpenAI-Beta")                     // keep one more request header
        .denyResponseHeaders("X-Internal-Trace")         // drop one more response header
        .redactJsonField("account_pin")                  // "<ACCOUNT_PIN>" in the file
        .replaceEnv("MY_TOKEN")                          // "<MY_TOKEN>" anywhere; matches in CI too
        .build();

    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").body("{\"answer\":42}"));
      try (Recorder recorder = Recorder.builder(path).mode(Mode.RECORD_ONLY).matcher(matcher)
          .redaction(redaction).build()) {
        call(new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build(),
            server.url("/v1/chat?timestamp=1").toString(), "{\"account_pin\":\"s3cret\",\"metadata\":{\"request_id\":\"a\"}}");
      }
    }
    String saved = Files.readString(path);
    assertFalse(saved.contains("s3cret"), saved);
    assertTrue(saved.contains("<ACCOUNT_PIN>"), saved);

    Recorder recorder = Recorder.builder(path)
        .mode(Mode.REPLAY_ONLY)               // RECORD_ONLY, REPLAY_ONLY, REPLAY_WITH_NEW_EPISODES, RECORD_ONCE, PASSTHROUGH
        .matcher(matcher)
        .redaction(redaction)
        .build();
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new CassetteInterceptor(recorder))
        .build();
    String url = saved.lines().filter(l -> l.strip().startsWith("url: ")).findFirst().orElseThrow()
        .strip().substring("url: ".length()).replace("timestamp=1", "timestamp=2");
    assertEquals("{\"answer\":42}",
        call(client, url, "{\"account_pin\":\"s3cret\",\"metadata\":{\"request_id\":\"b\"}}"));
    recorder.stop();                          // saves as the mode says; Recorder is AutoCloseable
  }

  @Test
  void loadAndSave() throws Exception {
    Path fixtures = SharedFiles.fixtures();
    Cassette cassette = Cassette.load(fixtures.resolve("huggingface/multi_tool_streaming.yaml"));
    Response first = cassette.interactions().get(0).response();
    cassette.save(dir.resolve("copy.yaml"));   // byte-identical to the original
    assertEquals(200, first.code());
    assertEquals(Files.readString(fixtures.resolve("huggingface/multi_tool_streaming.yaml")),
        Files.readString(dir.resolve("copy.yaml")));
  }

  private static String call(OkHttpClient client, String url, String json) throws Exception {
    Request request = new Request.Builder().url(url)
        .post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
        .build();
    try (okhttp3.Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }
}
