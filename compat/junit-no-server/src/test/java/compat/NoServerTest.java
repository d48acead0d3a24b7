package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/**
 * A project that excluded cassette-server, which cassette-junit5 brings: nothing of it is loaded, the
 * other parameters are served as before, and a replay-only test runs without the guard.
 */
class NoServerTest {
  static final String ASK = "{\"max_tokens\":4000,\"model\":\"claude-sonnet-4-20250514\","
      + "\"system\":[{\"text\":\"You are a helpful assistant\",\"type\":\"text\"}],"
      + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Say hi in Portuguese\",\"type\":\"text\"}]}]}";

  @Test
  void cassetteServerIsNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.cassette.server.NetworkGuard"));
  }

  @Test
  @UseCassette(value = "anthropic/simple", dir = "../../fixtures", mode = Mode.REPLAY_ONLY)
  void replayOnlyRunsUnguarded(HttpClient client, Recorder recorder) throws Exception {
    assertEquals(Mode.REPLAY_ONLY, recorder.mode());
    assertTrue(ProxySelector.getDefault() == null
        || !ProxySelector.getDefault().getClass().getName().startsWith("dev.cassette"), "no guard installed");
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.anthropic.com/v1/messages"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ASK))
        .build();
    assertTrue(client.send(request, BodyHandlers.ofString()).body().contains("Olá!"));
  }
}
