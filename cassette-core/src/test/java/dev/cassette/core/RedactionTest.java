package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
  static final String AUTH = "Bearer sk-live-AUTH-1111";
  static final String X_API_KEY = "xk-live-2222";
  static final String COOKIE = "session=cookie-3333";
  static final String SET_COOKIE = "session=setcookie-4444; HttpOnly";
  static final String QUERY_KEY = "AIzaQueryKey5555";
  static final String BODY_KEY = "body-key-6666";
  static final List<String> SECRETS = List.of("AUTH-1111", "xk-live-2222", "cookie-3333", "setcookie-4444",
      "AIzaQueryKey5555", "body-key-6666");

  @TempDir Path dir;

  /** A request carrying a secret in every place an API puts one. */
  static Request secretRequest() {
    String body = "{\"model\":\"m\",\"api_key\":\"" + BODY_KEY + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    return Request.builder()
        .method("POST")
        .url("https://api.example.com/v1/chat?key=" + QUERY_KEY + "&alt=sse")
        .form(Multimap.builder().add("key", QUERY_KEY).add("alt", "sse").build())
        .headers(Multimap.builder()
            .add("Authorization", AUTH)
            .add("X-Api-Key", X_API_KEY)
            .add("Cookie", COOKIE)
            .add("Content-Type", "application/json")
            .add("Accept", "text/event-stream")
            .add("User-Agent", "test/1.0")
            .build())
        .body(body)
        .contentLength(body.length())
        .build();
  }

  static Response secretResponse() {
    return Response.builder()
        .headers(Multimap.builder()
            .add("Set-Cookie", SET_COOKIE)
            .add("Content-Type", "text/event-stream")
            .add("X-Request-Id", "req-1")
            .build())
        .body("data: {\"ok\":true}\n\n")
        .build();
  }

  /** Every string of an interaction, for a search that no secret may succeed in. */
  static String everything(Interaction i) {
    Request q = i.request();
    Response r = i.response();
    return String.join("\n", q.url(), q.headers().toString(), q.form().toString(), q.trailer().toString(),
        q.body().goString(), r.headers().toString(), r.trailer().toString(), r.body().goString());
  }

  static void assertNoSecret(String text) {
    for (String secret : SECRETS) assertFalse(text.contains(secret), () -> "secret " + secret + " leaked:\n" + text);
  }

  @Test
  void defaultsKeepOnlyTheAllowedRequestHeaders() {
    Redaction r = Redaction.defaults();
    Request request = r.redact(secretRequest());
    assertEquals(List.of("Content-Type", "Accept", "User-Agent"), List.copyOf(request.headers().names()));
  }

  /** What an LLM API answers with: ids, rate limits and lengths that SDKs expose, and a session cookie. */
  static Response apiResponse() {
    return Response.builder()
        .headers(Multimap.builder()
            .add("Content-Length", "19")
            .add("Content-Type", "application/json")
            .add("X-Request-Id", "req-1")
            .add("X-Ratelimit-Remaining-Tokens", "39000")
            .add("Anthropic-Ratelimit-Input-Tokens-Limit", "400000")
            .add("Retry-After", "1")
            .add("Www-Authenticate", "Bearer error=\"invalid_token\"")
            .add("Set-Cookie", SET_COOKIE)
            .add("Set-Cookie2", SET_COOKIE)
            .add("X-Amzn-Remapped-Set-Cookie", SET_COOKIE)
            .add("X-Session-Id", SET_COOKIE)
            .add("X-Subject-Token", SET_COOKIE)
            .add("Authentication-Info", "rspauth=\"" + SET_COOKIE + "\"")
            .build())
        .trailer(Multimap.builder().add("Grpc-Status", "0").add("Set-Cookie", SET_COOKIE).build())
        .body("{\"id\":\"chatcmpl\"}")
        .build();
  }

  @Test
  void defaultsKeepResponseHeadersButThoseThatHandOutCredentialsOrSessions() {
    Response response = Redaction.defaults().redact(apiResponse());
    assertEquals(List.of("Content-Length", "Content-Type", "X-Request-Id", "X-Ratelimit-Remaining-Tokens",
        "Anthropic-Ratelimit-Input-Tokens-Limit", "Retry-After", "Www-Authenticate"),
        List.copyOf(response.headers().names()));
    assertEquals(List.of("Grpc-Status"), List.copyOf(response.trailer().names()));
    assertNoSecret(response.headers().toString() + response.trailer());
    assertSame(response, Redaction.defaults().redact(response), "a second redaction changes nothing");
  }

  /** A redirect to a pre-signed URL: its signature is a credential, the rest of the URL is not. */
  @Test
  void aUrlInAHeaderIsRedactedAsARequestUrl() {
    Response redirect = Response.builder().code(307)
        .headers(Multimap.builder()
            .add("Location", "https://bucket.s3.amazonaws.com/o?X-Amz-Credential=AKIA1&X-Amz-Signature=" + QUERY_KEY)
            .add("Content-Location", "https://user:" + QUERY_KEY + "@h/p")
            .add("Link", "<https://h/p?key=" + QUERY_KEY + ">; rel=next, <HTTPS://h/p?page=9&key=" + QUERY_KEY
                + ">; rel=last")
            .build())
        .build();
    Response redacted = Redaction.defaults().redact(redirect);
    assertEquals(List.of("https://bucket.s3.amazonaws.com/o?X-Amz-Credential=<X_AMZ_CREDENTIAL>"
        + "&X-Amz-Signature=<X_AMZ_SIGNATURE>"), redacted.headers().get("Location"));
    assertEquals(List.of("https://user:<PASSWORD>@h/p"), redacted.headers().get("Content-Location"));
    assertEquals(List.of("<https://h/p?key=<KEY>>; rel=next, <HTTPS://h/p?page=9&key=<KEY>>; rel=last"),
        redacted.headers().get("Link"));
    Request followed = Request.builder().url(redirect.headers().get("Location").get(0)).build();
    assertEquals(redacted.headers().get("Location").get(0), Redaction.defaults().redact(followed).url(),
        "a client following the redacted URL matches the redacted recording of the real one");
    assertSame(redacted, Redaction.defaults().redact(redacted));
  }

  @Test
  void responseHeadersAreConfigurable() {
    Redaction r = Redaction.builder()
        .denyResponseHeaders("x-request-id")
        .allowResponseHeaders("Set-Cookie")
        .build();
    Response response = r.redact(apiResponse());
    assertFalse(response.headers().names().contains("X-Request-Id"));
    assertEquals(List.of(SET_COOKIE), response.headers().get("Set-Cookie"));
    assertEquals(List.of("Grpc-Status", "Set-Cookie"), List.copyOf(response.trailer().names()));
    assertFalse(response.headers().names().contains("Set-Cookie2"), "only the header allowed is kept");
    Redaction deniedAgain = r.toBuilder().denyResponseHeaders("set-cookie").build();
    assertFalse(deniedAgain.redact(apiResponse()).headers().names().contains("Set-Cookie"));
    Response all = Redaction.none().redact(apiResponse());
    assertEquals(apiResponse().headers(), all.headers());
  }

  @Test
  void defaultsRedactQueryFormAndJsonSecrets() {
    Request request = Redaction.defaults().redact(secretRequest());
    assertEquals("https://api.example.com/v1/chat?key=<KEY>&alt=sse", request.url());
    assertEquals(List.of("<KEY>"), request.form().get("key"));
    Request serverSide = secretRequest().toBuilder().requestUri("/v1/chat?key=" + QUERY_KEY).build();
    assertEquals("/v1/chat?key=<KEY>", Redaction.defaults().redact(serverSide).requestUri());
    assertEquals(List.of("sse"), request.form().get("alt"));
    assertTrue(request.body().text().contains("\"api_key\":\"<API_KEY>\""), request.body().text());
    assertEquals(request.body().length(), request.contentLength(), "content_length follows the rewritten body");
    assertNoSecret(everything(Interaction.of(request, Redaction.defaults().redact(secretResponse()))));
  }

  @Test
  void jsonMemberNamesSpeltWithEscapesAreFound() {
    Request request = Request.builder().body("{\"api\\u005fkey\":\"" + BODY_KEY + "\"}").build();
    assertEquals("{\"api_key\":\"<API_KEY>\"}", Redaction.defaults().redact(request).body().text());
  }

  @Test
  void unchangedExchangesKeepTheirInstanceAndBytes() {
    Request clean = Request.builder().url("https://h/p?a=1").body("{ \"a\" : 1.0 }")
        .headers(Multimap.of("Accept", "x")).build();
    assertSame(clean, Redaction.defaults().redact(clean));
  }

  @Test
  void redactionIsIdempotent() {
    Redaction r = Redaction.defaults();
    Request once = r.redact(secretRequest());
    assertSame(once, r.redact(once));
  }

  @Test
  void placeholdersDeriveFromNames() {
    assertEquals("<API_KEY>", Redaction.placeholderFor("api_key"));
    assertEquals("<API_KEY>", Redaction.placeholderFor("apiKey"));
    assertEquals("<API_KEY>", Redaction.placeholderFor("/auth/api-key"));
    assertEquals("<X_AMZ_SIGNATURE>", Redaction.placeholderFor("X-Amz-Signature"));
  }

  @Test
  void jsonPointersAndCustomPlaceholders() {
    Redaction r = Redaction.none().toBuilder()
        .redactJsonPointer("/auth/token")
        .redactJsonPointer("/list/1", "<SECOND>")
        .redactJsonField("secret", "***")
        .build();
    Request request = Request.builder()
        .body("{\"auth\":{\"token\":\"t1\",\"user\":\"u\"},\"list\":[\"a\",\"b\"],\"deep\":[{\"secret\":\"s1\"}]}")
        .build();
    assertEquals("{\"auth\":{\"token\":\"<TOKEN>\",\"user\":\"u\"},\"list\":[\"a\",\"<SECOND>\"],\"deep\":[{\"secret\":\"***\"}]}",
        r.redact(request).body().text());
    assertThrows(IllegalArgumentException.class, () -> Redaction.builder().redactJsonPointer(""));
  }

  @Test
  void oauthTokenRequestsLoseTheirCredentialsByDefault() {
    String body = "grant_type=password&username=ann&password=hunter2-long-secret&refresh_token=rt-secret"
        + "&client_secret=cs-secret";
    Request request = Request.builder().method("POST").url("https://auth.example.com/oauth/token")
        .headers(Multimap.of("Content-Type", "application/x-www-form-urlencoded"))
        .form(Multimap.builder().add("grant_type", "password").add("password", "hunter2-long-secret")
            .add("refresh_token", "rt-secret").add("client_secret", "cs-secret").add("username", "ann").build())
        .contentLength(body.length()).body(body).build();
    Request redacted = Redaction.defaults().redact(request);
    assertEquals("grant_type=password&username=ann&password=<PASSWORD>&refresh_token=<REFRESH_TOKEN>"
        + "&client_secret=<CLIENT_SECRET>", redacted.body().text());
    assertEquals(List.of("<PASSWORD>"), redacted.form().get("password"));
    assertEquals(List.of("<REFRESH_TOKEN>"), redacted.form().get("refresh_token"));
    assertEquals(List.of("ann"), redacted.form().get("username"));
    assertEquals(redacted.body().length(), redacted.contentLength());
  }

  @Test
  void queriesKeepTheirShapeWhereNothingIsRedacted() {
    for (String url : new String[] {"https://h/p?", "https://h/p?&a=1", "https://h/p?a=1&&b=2&", "https://h/p?#f"}) {
      Request request = Request.builder().url(url).build();
      assertSame(request, Redaction.defaults().redact(request), url);
    }
    assertEquals("https://h/p?&key=<KEY>&a=1",
        Redaction.defaults().redact(Request.builder().url("https://h/p?&key=k1&a=1").build()).url());
  }

  @Test
  void urlPasswordsAreRedactedByDefault() {
    Request request = Request.builder().url("https://ann:s3cret@db.example.com:8443/q?x=1#top").build();
    Request redacted = Redaction.defaults().redact(request);
    assertEquals("https://ann:<PASSWORD>@db.example.com:8443/q?x=1#top", redacted.url());
    assertSame(redacted, Redaction.defaults().redact(redacted), "redacting twice changes nothing");
    for (String kept : new String[] {"https://ann@db.example.com/q", "https://db.example.com/a@b", "/relative:x@y"}) {
      Request plain = Request.builder().url(kept).build();
      assertSame(plain, Redaction.defaults().redact(plain), kept);
    }
    assertSame(request, Redaction.none().redact(request));
  }

  @Test
  void aRedactedBodyKeepsItsContentLengthHeaderTrue() {
    String body = "{\"password\":\"hunter2-long-secret\",\"user\":\"u\"}";
    Response response = Response.builder()
        .headers(Multimap.builder().add("Content-Type", "application/json")
            .add("Content-Length", Integer.toString(body.length())).build())
        .contentLength(body.length())
        .body(body)
        .build();
    Redaction r = Redaction.builder().allowHeaders("Content-Length").build();
    Response redacted = Redaction.defaults().redact(response);
    int length = redacted.body().length();
    assertTrue(length != body.length(), redacted.body().text());
    assertEquals(length, redacted.contentLength());
    assertEquals(List.of(Integer.toString(length)), redacted.headers().get("Content-Length"));
    Request request = Request.builder().method("POST")
        .headers(Multimap.builder().add("Content-Length", Integer.toString(body.length())).build())
        .contentLength(body.length()).body(body).build();
    Request redactedRequest = r.redact(request);
    assertEquals(List.of(Integer.toString(redactedRequest.body().length())),
        redactedRequest.headers().get("Content-Length"));
  }

  @Test
  void replaceTextWorksAnywhere() {
    String token = "tok/en+1";
    Redaction r = Redaction.none().toBuilder().replaceText(token, "<TOKEN>").build();
    Request request = Request.builder()
        .url("https://h/p?t=tok%2Fen%2B1&u=" + token)
        .headers(Multimap.of("X-Custom", "Token " + token))
        .body("raw " + token + " body")
        .build();
    Request redacted = r.redact(request);
    assertEquals("https://h/p?t=<TOKEN>&u=<TOKEN>", redacted.url());
    assertEquals(List.of("Token <TOKEN>"), redacted.headers().get("X-Custom"));
    assertEquals("raw <TOKEN> body", redacted.body().text());
    Response response = r.redact(Response.builder().body("echo " + token).build());
    assertEquals("echo <TOKEN>", response.body().text());
    Redaction unset = Redaction.none().toBuilder().replaceText(null, "<X>").replaceText("", "<Y>").build();
    assertSame(request, unset.redact(request), "an unset secret (replay without credentials) is ignored");
  }

  @Test
  void formEncodedBodiesFollowQueryRedaction() {
    String body = "grant_type=client_credentials&client_secret=s3cr3t&access_token=abc";
    Request request = Request.builder()
        .method("POST")
        .headers(Multimap.of("Content-Type", "application/x-www-form-urlencoded"))
        .body(body)
        .contentLength(body.length())
        .build();
    Request redacted = Redaction.defaults().redact(request);
    assertEquals("grant_type=client_credentials&client_secret=<CLIENT_SECRET>&access_token=<ACCESS_TOKEN>",
        redacted.body().text());
    assertEquals(redacted.body().length(), redacted.contentLength());
  }

  @Test
  void allowHeadersKeepsMoreRequestHeaders() {
    Redaction r = Redaction.builder().allowHeaders("x-request-id").build();
    Request request = r.redact(secretRequest().toBuilder()
        .headers(Multimap.builder().add("X-Request-Id", "r").add("X-Trace", "t").build()).build());
    assertEquals(List.of("X-Request-Id"), List.copyOf(request.headers().names()));
  }

  @Test
  void denylistKeepsOtherHeadersButDropsCredentials() {
    Redaction r = Redaction.builder().denyHeaders("X-Request-Id").build();
    Request request = r.redact(secretRequest().toBuilder().headers(secretRequest().headers().toBuilder()
        .add("X-Trace", "t").add("X-Vendor-Auth-Token", "v").add("Proxy-Authorization", "p").build()).build());
    assertEquals(List.of("Content-Type", "Accept", "User-Agent", "X-Trace"), List.copyOf(request.headers().names()));
    assertEquals(List.of("Content-Type"), List.copyOf(r.redact(secretResponse()).headers().names()),
        "a header denied by name is secret in responses too");
    assertThrows(IllegalStateException.class, () -> r.toBuilder().allowHeaders("X"));
  }

  @Test
  void noneKeepsEverything() {
    Request request = secretRequest();
    assertSame(request, Redaction.none().redact(request));
    Redaction onlyOne = Redaction.none().toBuilder().denyHeaders("Cookie").build();
    assertEquals(List.of("Authorization", "X-Api-Key", "Content-Type", "Accept", "User-Agent"),
        List.copyOf(onlyOne.redact(request).headers().names()));
  }

  @Test
  void recorderKeepsSecretsOutOfTheCassette() {
    Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build();
    recorder.record(secretRequest(), secretResponse());
    Cassette cassette = recorder.cassette();
    assertEquals(1, cassette.interactions().size());
    assertNoSecret(everything(cassette.interactions().get(0)));
  }

  @Test
  void replayWithTheRealKeyMatchesTheRedactedRecording() throws Exception {
    Recorder recording = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build();
    recording.record(secretRequest(), secretResponse());
    Cassette redacted = recording.cassette();

    Recorder replay = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.REPLAY_ONLY).cassette(redacted).build();
    Route route = replay.route(secretRequest());
    assertTrue(route.isReplay());
    assertEquals(redacted.interactions().get(0), route.interaction());
  }

  @Test
  void unredactedOldRecordingsStillMatch() throws Exception {
    // a cassette written before the key was redacted: matching redacts the recorded side too
    Cassette old = Cassette.builder().add(secretRequest(), secretResponse()).build();
    Recorder replay = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.REPLAY_ONLY).cassette(old).build();
    assertTrue(replay.route(secretRequest()).isReplay());
  }

  @Test
  void mismatchMessagesCarryNoSecret() {
    Recorder replay = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Cassette.builder().add(Exchanges.get("https://api.example.com/v1/models"), Exchanges.ok("m")).build())
        .build();
    NoMatchingInteractionException e =
        assertThrows(NoMatchingInteractionException.class, () -> replay.route(secretRequest()));
    assertNoSecret(e.getMessage());
    assertTrue(e.getMessage().contains("key=<KEY>"), e.getMessage());
  }
}
