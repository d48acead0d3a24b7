package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.Redaction;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials sent and received while recording never reach the cassette file. */
class SecretsTest {
  private static final List<String> SECRETS = List.of(
      "sk-bearer-0123456789", "xapikey-0123456789", "session-cookie-0123456789", "set-cookie-0123456789",
      "query-key-0123456789", "json-api-key-0123456789", "response-token-0123456789");

  @TempDir Path dir;

  /** The request recorded last, secrets included. */
  private Request sent;

  private Path record(Redaction redaction) throws Exception {
    Path cassette = dir.resolve("secrets.yaml");
    try (TestServer server = TestServer.start();
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).matcher(Matchers.methodUrlBody())
            .redaction(redaction).build()) {
      server.enqueue(Reply.code(200)
          .header("Content-Type", "application/json")
          .header("Set-Cookie", "sid=set-cookie-0123456789; HttpOnly")
          .body("{\"ok\":true,\"access_token\":\"response-token-0123456789\"}"));
      Request request = new Request.Builder()
          .url(server.url("/v1/generate?key=query-key-0123456789&alt=sse"))
          .header("Authorization", "Bearer sk-bearer-0123456789")
          .header("x-api-key", "xapikey-0123456789")
          .header("Cookie", "sid=session-cookie-0123456789")
          .post(RequestBody.create("{\"prompt\":\"hi\",\"api_key\":\"json-api-key-0123456789\"}",
              MediaType.parse("application/json")))
          .build();
      sent = request;
      try (Response response = Recording.client(recorder).newCall(request).execute()) {
        assertTrue(response.body().string().contains("response-token-0123456789"),
            "the caller still sees the live response");
      }
      assertEquals("Bearer sk-bearer-0123456789", server.takeRequest().headers().get("Authorization"),
          "the server still gets the credentials");
    }
    return cassette;
  }

  private static void assertNoSecret(Path cassette) throws Exception {
    String saved = Files.readString(cassette);
    for (String secret : SECRETS) assertFalse(saved.contains(secret), secret + " leaked into\n" + saved);
    assertTrue(saved.contains("/v1/generate"), saved);
  }

  @Test
  void defaultRedactionKeepsNoSecret() throws Exception {
    assertNoSecret(record(Redaction.defaults()));
  }

  @Test
  void denylistRedactionKeepsNoSecretButOtherHeaders() throws Exception {
    Path cassette = record(Redaction.builder().denyHeaders().build());
    assertNoSecret(cassette);
    assertTrue(Files.readString(cassette).contains("Content-Length"), "a denylist keeps harmless headers");
  }

  /** The recorder redacts a live request the same way before matching, so real credentials still match. */
  @Test
  void redactedCassetteReplaysForTheRequestWithRealSecrets() throws Exception {
    Path cassette = record(Redaction.defaults());
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .build()) {
      try (Response response = Recording.client(recorder).newCall(sent).execute()) {
        String body = response.body().string();
        assertTrue(body.startsWith("{\"ok\":true"), body);
        assertFalse(body.contains("response-token-0123456789"), body);
      }
    }
  }

  /**
   * A client that asks for gzip itself gets the compressed bytes: OkHttp then does not decompress, so
   * the interceptor records gzip. The key the server echoes inside it must not reach the file, and a
   * replay still hands the client gzip that decompresses to the (redacted) JSON.
   */
  @Test
  void aGzipBodyTheClientDidNotDecompressIsRedactedInside() throws Exception {
    Path cassette = dir.resolve("gzip.yaml");
    String key = "xapikey-gzip-0123456789";
    Request request = new Request.Builder().header("x-api-key", key).header("Accept-Encoding", "gzip")
        .url("http://127.0.0.1/v1/echo").build();
    try (TestServer server = TestServer.start();
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
          .body(gzip("{\"echo\":\"" + key + "\"}")));
      request = request.newBuilder().url(server.url("/v1/echo")).build();
      try (Response response = Recording.client(recorder).newCall(request).execute()) {
        assertTrue(gunzip(response.body().bytes()).contains(key), "the caller still sees the live response");
      }
    }
    Cassette saved = Cassette.load(cassette);
    String inside = gunzip(saved.interactions().get(0).response().body().bytes());
    assertEquals("{\"echo\":\"<X_API_KEY>\"}", inside);
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        Response response = Recording.client(recorder).newCall(request).execute()) {
      assertEquals(inside, gunzip(response.body().bytes()));
    }
  }

  private static byte[] gzip(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String gunzip(byte[] bytes) throws java.io.IOException {
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * README's pattern for a secret from the environment, through OkHttp, which escapes the placeholder
   * in a path and a query: recorded with the variable set (here its value is given as the literal it
   * would hold), replayed without it (as CI runs), the request still matches.
   */
  @Test
  void anEnvSecretInTheUrlAndBodyMatchesInCiWhereTheVariableIsUnset() throws Exception {
    String variable = "CASSETTE_SECRETS_TEST_TOKEN_UNSET";
    String live = "live-env-secret-0123456789";
    Path cassette = dir.resolve("env.yaml");
    String base;
    try (TestServer server = TestServer.start();
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY)
            .redaction(Redaction.builder().replaceEnv(variable).replaceText(live, "<" + variable + ">").build())
            .build()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").body("{\"ok\":true}"));
      base = server.url("/").toString();
      Recording.client(recorder).newCall(accountCall(base, live)).execute().close();
    }
    String saved = Files.readString(cassette);
    assertFalse(saved.contains(live), saved);

    String inCi = Redaction.env(variable);
    assertEquals("<" + variable + ">", inCi);
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY)
            .redaction(Redaction.builder().replaceEnv(variable).build()).build();
        Response response = Recording.client(recorder).newCall(accountCall(base, inCi)).execute()) {
      assertEquals("{\"ok\":true}", response.body().string());
    }
  }

  private static Request accountCall(String base, String token) {
    String url = base.replaceFirst("/$", "") + "/accounts/" + token + "/usage?owner=" + token;
    return new Request.Builder().url(url)
        .post(RequestBody.create("{\"token_ref\":\"" + token + "\"}", MediaType.parse("application/json"))).build();
  }
}
