package dev.cassette.benchmarks.suite;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What every generated test does, whichever variant answers it: sends each request of the seed cassette
 * (two streaming chat completions) and reads each response to its end, failing unless it gets the
 * recorded bytes. Also the hand-written stub the baseline variant uses. Public: generated tests call it.
 */
public final class SeedExchanges {
  /** The seed cassette, in the jar as {@code multi_tool_streaming.yaml}. */
  public static final String TEXT = read();
  private static final List<Interaction> INTERACTIONS = Cassette.parse(TEXT).interactions();
  /** One client for the run, as the extension shares one: its connection pool and dispatcher. */
  public static final OkHttpClient BASE = new OkHttpClient();

  private SeedExchanges() {}

  private static String read() {
    try (InputStream in = SeedExchanges.class.getResourceAsStream("/multi_tool_streaming.yaml")) {
      if (in == null) throw new IllegalStateException("multi_tool_streaming.yaml is not in the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded interactions' count: what a suite's cassette answers per test. */
  public static int size() {
    return INTERACTIONS.size();
  }

  /** The recorded request {@code i}'s path and query ({@code /v1/chat/completions}). */
  public static String path(int i) {
    return okhttp3.HttpUrl.get(INTERACTIONS.get(i).request().url()).encodedPath();
  }

  public static String requestBody(int i) {
    return INTERACTIONS.get(i).request().body().text();
  }

  public static String responseBody(int i) {
    return INTERACTIONS.get(i).response().body().text();
  }

  public static String responseContentType(int i) {
    return INTERACTIONS.get(i).response().headers().firstIgnoreCase("Content-Type");
  }

  /** Sends every recorded request to {@code baseUrl} (the recorded origin, or a stub server's). */
  public static void exchangeAll(OkHttpClient client, String baseUrl) throws IOException {
    for (int i = 0; i < INTERACTIONS.size(); i++) {
      Interaction interaction = INTERACTIONS.get(i);
      Request request = new Request.Builder().url(baseUrl + path(i))
          .post(RequestBody.create(interaction.request().body().bytes(), MediaType.get("application/json")))
          .build();
      try (Response response = client.newCall(request).execute()) {
        byte[] got = response.body().bytes();
        if (!Arrays.equals(got, interaction.response().body().bytes())) {
          throw new AssertionError("request " + i + ": got " + got.length + " bytes, not the recorded response");
        }
      }
    }
  }

  /** The recorded origin ({@code https://router.huggingface.co}). */
  public static String origin() {
    okhttp3.HttpUrl url = okhttp3.HttpUrl.get(INTERACTIONS.get(0).request().url());
    return url.scheme() + "://" + url.host();
  }

  /**
   * The hand-written stub: an interceptor that answers each recorded request body with its recorded
   * response, as a team without cassettes would write one.
   */
  public static OkHttpClient stubbed() {
    return BASE.newBuilder().addInterceptor(chain -> {
      Request request = chain.request();
      okio.Buffer buffer = new okio.Buffer();
      request.body().writeTo(buffer);
      String body = buffer.readUtf8();
      for (int i = 0; i < INTERACTIONS.size(); i++) {
        if (body.equals(requestBody(i))) {
          return new Response.Builder().request(request).protocol(Protocol.HTTP_2).code(200).message("OK")
              .body(ResponseBody.create(responseBody(i), MediaType.get(responseContentType(i)))).build();
        }
      }
      throw new AssertionError("the stub has no response for " + body);
    }).build();
  }
}
