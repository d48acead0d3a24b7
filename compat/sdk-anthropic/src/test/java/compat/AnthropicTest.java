package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * anthropic-java with nothing but cassette-junit5 beside it: one OkHttp, the SDK's 4.12 (in runtime
 * scope, so this project compiles against no OkHttp at all), and the extension still runs.
 */
class AnthropicTest {
  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("/okhttp-4.12.0.jar!"), copies.toString());
  }

  @Test
  @UseCassette(value = "anthropic/none", dir = "target/cassettes", mode = Mode.RECORD_ONLY)
  void theExtensionRunsBesideTheSdk(Recorder recorder) {
    assertTrue(recorder.isRecording());
    // The SDK builds its own OkHttpClient; it loads here against the one OkHttp.
    AnthropicOkHttpClient.builder().apiKey("unused").build().close();
  }
}
