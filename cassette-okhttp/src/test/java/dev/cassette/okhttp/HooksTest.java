package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.HookFailedException;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.Recording.Exchange;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's hooks through the interceptor: what the caller gets and what the file holds. */
class HooksTest {
  private static final String STREAM = "data: {\"id\":\"chatcmpl-live\",\"created\":1764572724,\"choices\":[]}\n\n"
      + "data: [DONE]\n\n";

  @TempDir Path dir;

  /** The recipe of docs/hooks.md: stable ids and creation times in the file. */
  private static final UnaryOperator<Interaction> STABLE = interaction -> Interaction.of(interaction.request(),
      interaction.response().toBuilder()
          .body(interaction.response().body().text()
              .replaceAll("\"id\":\"chatcmpl-[^\"]*\"", "\"id\":\"chatcmpl-recorded\"")
              .replaceAll("\"created\":\\d+", "\"created\":0"))
          .build());

  @Test
  void beforeSaveChangesTheFileNotWhatTheCallerReads() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    Exchange live;
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "text/event-stream").body(STREAM).chunked(16));
      try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).beforeSave(STABLE).build()) {
        live = Exchange.of(Recording.client(recorder), new Request.Builder().url(server.url("/v1/chat")).build());
      }
    }

    assertEquals(STREAM, new String(live.body(), StandardCharsets.UTF_8));
    assertEquals("data: {\"id\":\"chatcmpl-recorded\",\"created\":0,\"choices\":[]}\n\ndata: [DONE]\n\n",
        Cassette.load(cassette).interactions().get(0).response().body().text());
  }

  @Test
  void beforeReplayServesAFreshCreatedAndLeavesTheFileAlone() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    Cassette.builder().add(
            dev.cassette.core.Request.builder().method("GET").url("https://api.example.com/v1/chat").build(),
            dev.cassette.core.Response.builder().code(200).body("{\"created\":0}").build())
        .build().save(cassette);
    String before = Files.readString(cassette);
    UnaryOperator<Interaction> fresh = interaction -> Interaction.of(interaction.request(),
        interaction.response().toBuilder()
            .body(interaction.response().body().text().replaceAll("\"created\":\\d+", "\"created\":1764572724"))
            .build());

    Exchange replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).beforeReplay(fresh).build()) {
      replayed = Exchange.of(Recording.client(recorder),
          new Request.Builder().url("https://api.example.com/v1/chat").build());
    }

    assertEquals("{\"created\":1764572724}", new String(replayed.body(), StandardCharsets.UTF_8));
    assertEquals(before, Files.readString(cassette));
  }

  /** A tool-calling conversation: the second request quotes the tool call id of the first response. */
  private static String converse(OkHttpClient client, HttpUrl url) throws IOException {
    MediaType json = MediaType.parse("application/json");
    String first;
    try (Response response = client.newCall(new Request.Builder().url(url)
        .post(RequestBody.create("{\"q\":\"add 2 and 3\"}", json)).build()).execute()) {
      first = response.body().string();
    }
    Matcher call = Pattern.compile("call_[A-Za-z0-9]+").matcher(first);
    assertTrue(call.find(), first);
    try (Response response = client.newCall(new Request.Builder().url(url)
        .post(RequestBody.create("{\"q\":\"add 2 and 3\",\"tool_call_id\":\"" + call.group() + "\",\"result\":5}", json))
        .build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  void stableIdsRecipeRecordsStableNamesThatStillReplay() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    HttpUrl url;
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json")
          .body("{\"id\":\"chatcmpl-Xa81\",\"created\":1764572724,\"tool_calls\":[{\"id\":\"call_Qx7Zp\",\"name\":\"add\"}]}"));
      server.enqueue(Reply.code(200).header("Content-Type", "application/json")
          .body("{\"id\":\"chatcmpl-Yb92\",\"created\":1764572725,\"answer\":\"5\"}"));
      url = server.url("/v1/chat");
      try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).beforeSave(new StableIds()).build()) {
        assertEquals("{\"id\":\"chatcmpl-Yb92\",\"created\":1764572725,\"answer\":\"5\"}",
            converse(Recording.client(recorder), url));
      }
    }

    String yaml = Files.readString(cassette);
    assertTrue(yaml.contains("\"id\":\"chatcmpl-1\",\"created\":0,\"tool_calls\":[{\"id\":\"call_2\""), yaml);
    assertTrue(yaml.contains("\"tool_call_id\":\"call_2\""), yaml);
    assertFalse(yaml.contains("Qx7Zp") || yaml.contains("Xa81") || yaml.contains("1764572724"), yaml);

    // the replayed response carries call_2, the client quotes it, and the recorded request matches
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      assertEquals("{\"id\":\"chatcmpl-3\",\"created\":0,\"answer\":\"5\"}", converse(Recording.client(recorder), url));
    }
  }

  @Test
  void aFailingBeforeSaveFailsTheCall() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "text/event-stream").body(STREAM));
      Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY)
          .beforeSave(interaction -> {
            throw new IllegalStateException("unexpected body");
          })
          .build();
      Request request = new Request.Builder().url(server.url("/v1/chat")).build();

      HookFailedException e = assertThrows(HookFailedException.class, () -> {
        try (Response response = Recording.client(recorder).newCall(request).execute()) {
          response.body().string();
        }
      });

      assertTrue(e.getMessage().startsWith("beforeSave hook of the recorder for " + cassette), e.getMessage());
      recorder.stop();
      assertTrue(Cassette.load(cassette).interactions().isEmpty());
    }
  }
}
