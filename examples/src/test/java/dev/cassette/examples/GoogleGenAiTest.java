package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.CassetteInterceptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipe: google-genai, Google's Gen AI SDK for the Gemini API. Its {@code ClientOptions} take the
 * OkHttpClient to send with: one line. {@code HttpOptions.baseUrl} points it at the stand-in here; a
 * real test leaves it out.
 */
class GoogleGenAiTest {
  private static final String MODEL = "gemini-2.5-flash";
  private static final String PROMPT = "Say hi in Portuguese";

  @TempDir Path dir;

  static Client gemini(Recorder recorder, String baseUrl, String apiKey) {
    return Client.builder()
        .clientOptions(ClientOptions.builder()
            .customHttpClient(new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build())
            .build())
        .httpOptions(HttpOptions.builder().baseUrl(baseUrl).build())
        .apiKey(apiKey)
        .build();
  }

  static List<GenerateContentResponse> generate(Client client) {
    return List.of(client.models.generateContent(MODEL, PROMPT, null));
  }

  static List<GenerateContentResponse> generateStream(Client client) {
    List<GenerateContentResponse> chunks = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(MODEL, PROMPT, null)) {
      stream.forEach(chunks::add);
    }
    return chunks;
  }

  /** Records against the stand-in, replays with it closed; returns the live and the replayed answers. */
  private Recording<List<GenerateContentResponse>> recordThenReplay(
      String fixture, Function<Client, List<GenerateContentResponse>> exchange) throws Exception {
    Path cassette = dir.resolve("gemini.yaml");
    String baseUrl;
    List<GenerateContentResponse> live;
    try (FixtureServer server = FixtureServer.serving(fixture);
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        Client client = gemini(recorder, server.origin(), "sk-live")) {
      baseUrl = server.origin();
      live = exchange.apply(client);
      assertEquals(1, server.requestCount());
    }
    List<GenerateContentResponse> replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        Client client = gemini(recorder, baseUrl, "no key in replay")) {
      replayed = exchange.apply(client);
    }
    NoKeyInCassette.check(cassette);
    return new Recording<>(live, replayed);
  }

  /**
   * Live and replayed answers are the same: the parsed content, and the raw HTTP headers the SDK keeps
   * in {@code sdkHttpResponse}, whose names the cassette stores in canonical case ({@code Content-Type},
   * as go-vcr does) where the stand-in sent {@code Content-type}: HTTP header names ignore case.
   */
  private static void assertSameAnswers(Recording<List<GenerateContentResponse>> answers) {
    assertEquals(answers.live().size(), answers.replayed().size());
    for (int i = 0; i < answers.live().size(); i++) {
      GenerateContentResponse live = answers.live().get(i);
      GenerateContentResponse replayed = answers.replayed().get(i);
      // As JSON: the parsed types compare byte[] fields (thoughtSignature) by identity.
      assertEquals(live.toBuilder().clearSdkHttpResponse().build().toJson(),
          replayed.toBuilder().clearSdkHttpResponse().build().toJson());
      assertEquals(headers(live), headers(replayed));
    }
  }

  private static Map<String, String> headers(GenerateContentResponse response) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.sdkHttpResponse().orElseThrow().headers().orElseThrow());
    return headers;
  }

  private static String text(List<GenerateContentResponse> responses) {
    return responses.stream().map(GenerateContentResponse::text).collect(Collectors.joining());
  }

  @Test
  void generateContent() throws Exception {
    Recording<List<GenerateContentResponse>> answers = recordThenReplay("google/simple.yaml", GoogleGenAiTest::generate);
    assertEquals("Olá!", text(answers.live()));
    assertSameAnswers(answers);
  }

  @Test
  void generateContentStream() throws Exception {
    Recording<List<GenerateContentResponse>> answers = recordThenReplay("google/simple_streaming.yaml", GoogleGenAiTest::generateStream);
    assertEquals(4, answers.live().size());
    assertTrue(text(answers.live()).startsWith("\"Hi\" in Portuguese is **\"Oi\"**"), text(answers.live()));
    assertSameAnswers(answers);
  }
}
