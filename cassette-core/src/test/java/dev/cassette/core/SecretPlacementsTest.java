package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place an API or a client puts a secret, as a table: each row records one interaction with the
 * default {@link Redaction} into a real cassette file, asserts that the secret is nowhere in the file's
 * text (nor inside a gzip body in it), and that the same request carrying another secret replays from
 * it.
 */
class SecretPlacementsTest {
  /** Two secrets of the same shape: what is recorded, and what a later run sends instead. */
  static final String SEED = "Q7fK2mZp9Lx4Rt8Wv3Nb6Hj1";
  static final String OTHER = "B5dG8sYc2Mq7Tn4Xk9Pw3Fr6";

  @TempDir Path dir;

  /** One placement: how to build the interaction around a secret, and the secret text to look for. */
  record Placement(Function<String, Interaction> exchange, Function<String, String> shape) {}

  static Stream<Arguments> placements() {
    List<Arguments> rows = new ArrayList<>();
    // request headers
    rows.add(row("Authorization: Bearer", s -> withHeader("https://api.example.com/v1/models", "Authorization",
        "Bearer " + s)));
    rows.add(row("Authorization: Basic", s -> withHeader("https://api.example.com/v1/models", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(("user:" + s).getBytes(StandardCharsets.UTF_8)))));
    rows.add(row("X-Api-Key", s -> withHeader("https://api.anthropic.com/v1/models", "X-Api-Key", s)));
    rows.add(row("Api-Key (Azure)", s -> withHeader("https://x.openai.azure.com/openai/models", "Api-Key", s)));
    rows.add(row("X-Goog-Api-Key", s -> withHeader("https://generativelanguage.googleapis.com/v1/models",
        "X-Goog-Api-Key", s)));
    rows.add(row("Ocp-Apim-Subscription-Key", s -> withHeader("https://x.azure-api.net/a",
        "Ocp-Apim-Subscription-Key", s)));
    rows.add(row("Cookie", s -> withHeader("https://app.example.com/", "Cookie", "session=" + s + "; theme=dark")));
    rows.add(row("Proxy-Authorization", s -> withHeader("https://api.example.com/", "Proxy-Authorization", "Bearer "
        + s)));
    rows.add(row("X-Amz-Security-Token", s -> withHeader("https://bedrock.us-east-1.amazonaws.com/m",
        "X-Amz-Security-Token", s)));
    rows.add(row("vendor header", s -> withHeader("https://api.example.com/", "X-Vendor-Signature", s)));
    rows.add(row("request trailer", s -> Interaction.of(
        Request.builder().method("POST").url("https://api.example.com/up").trailer(Multimap.of("X-Checksum-Token",
            s)).build(),
        ok("text/plain", "done"))));
    // response headers
    rows.add(row("Set-Cookie", s -> Interaction.of(plainGet("https://app.example.com/login"),
        Response.builder().headers(Multimap.of("Set-Cookie", "session=" + s + "; HttpOnly")).body("ok").build())));
    rows.add(row("X-Subject-Token", s -> Interaction.of(plainGet("https://keystone.example.com/v3/auth/tokens"),
        Response.builder().headers(Multimap.of("X-Subject-Token", s)).body("{}").build())));
    rows.add(row("Location to a signed URL", s -> Interaction.of(plainGet("https://api.example.com/file"),
        Response.builder().code(302).headers(Multimap.of("Location",
            "https://bucket.s3.amazonaws.com/f?X-Amz-Expires=60&X-Amz-Signature=" + s)).build())));
    // query and URL
    for (String name : List.of("key", "api_key", "api-key", "code", "access_token", "token", "X-Amz-Signature",
        "X-Goog-Signature", "sig", "client_secret")) {
      rows.add(row("query " + name, s -> plain(plainGet("https://api.example.com/r?a=1&" + name + "=" + s))));
    }
    rows.add(row("query Signature (CloudFront)", s -> plain(plainGet(
        "https://d111.cloudfront.net/v.mp4?Expires=1700000000&Signature=" + s + "&Key-Pair-Id=K2JCJMDEHXQW5F"))));
    rows.add(row("URL password", s -> plain(plainGet("https://ann:" + s + "@db.example.com/q"))));
    rows.add(row("URL user name token", s -> plain(plainGet("https://" + s + "@github.example.com/o/r.git"))));
    rows.add(row("fragment #access_token", s -> plain(plainGet("https://app.example.com/cb#access_token=" + s
        + "&token_type=bearer"))));
    rows.add(row("JWT path segment", s -> plain(plainGet("https://api.example.com/verify/" + jwt(s) + "/status")),
        SecretPlacementsTest::jwt));
    rows.add(row("header key echoed in the path", s -> {
      Request r = Request.builder().url("https://api.example.com/keys/" + s + "/usage")
          .headers(Multimap.of("X-Api-Key", s)).build();
      return plain(r);
    }));
    rows.add(row("form password", s -> plain(form("grant_type=password&username=ann&password=" + s))));
    rows.add(row("form client_secret", s -> plain(form("grant_type=client_credentials&client_secret=" + s))));
    // JSON request bodies
    for (String name : List.of("api_key", "apiKey", "token", "session_token", "Password", "client_secret", "secret")) {
      rows.add(row("JSON " + name, s -> plain(post("application/json", "{\"user\":\"ann\",\"" + name + "\":\"" + s
          + "\"}"))));
    }
    rows.add(row("JSON deep", s -> plain(post("application/json", "{\"a\":[{\"b\":{\"auth\":{\"access_token\":\"" + s
        + "\"}}}]}"))));
    rows.add(row("JSON inside a JSON string (tool-call arguments)", s -> Interaction.of(
        post("application/json",
            "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"login\","
            + "\"arguments\":\"{\\\"user\\\":\\\"ann\\\",\\\"password\\\":\\\"" + s + "\\\"}\"}}]}]}"),
        ok("application/json", "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"login\","
            + "\"arguments\":\"{\\\"password\\\":\\\"" + s + "\\\"}\"}}]}}]}"))));
    rows.add(row("multipart field", s -> plain(post("multipart/form-data; boundary=XyZ",
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + s + "\r\n--XyZ--\r\n"))));
    rows.add(row("XML <password>", s -> plain(post("application/xml",
        "<?xml version=\"1.0\"?><login><user>ann</user><password>" + s + "</password></login>"))));
    // responses
    rows.add(row("response JSON echoes the request's key", s -> Interaction.of(
        get("https://api.example.com/whoami", "X-Api-Key", s), ok("application/json", "{\"your_key\":\"" + s
            + "\"}"))));
    rows.add(row("SSE event echoes the bearer token", s -> Interaction.of(
        get("https://api.example.com/stream", "Authorization", "Bearer " + s),
        ok("text/event-stream", "data: {\"delta\":\"hi\"}\n\ndata: {\"debug\":\"auth=Bearer " + s + "\"}\n\n"))));
    rows.add(row("SSE event with a secret field", s -> Interaction.of(plainGet("https://api.example.com/sessions"),
        ok("text/event-stream", "event: session.created\ndata: {\"session\":{\"client_secret\":{\"value\":\"" + s
            + "\",\"expires_at\":1700000000}}}\n\n"))));
    rows.add(row("JSON client_secret object (realtime sessions)",
        s -> Interaction.of(plainGet("https://api.example.com/realtime"),
        ok("application/json", "{\"id\":\"sess_1\",\"client_secret\":{\"value\":\"" + s
            + "\",\"expires_at\":1700000000}}"))));
    rows.add(row("gzip body the client did not decompress", s -> Interaction.of(
        get("https://api.example.com/echo", "X-Api-Key", s),
        Response.builder().headers(Multimap.builder().add("Content-Type", "application/json")
            .add("Content-Encoding", "gzip").build()).body(Body.of(gzip("{\"echo\":\"" + s + "\"}"))).build())));
    rows.add(row("gzip body with a secret field", s -> Interaction.of(plainGet("https://auth.example.com/t"),
        Response.builder().headers(Multimap.builder().add("Content-Type", "application/json")
            .add("Content-Encoding", "gzip").build()).body(Body.of(gzip("{\"access_token\":\"" + s
                + "\"}"))).build())));
    rows.add(row("OAuth token response", s -> Interaction.of(form("grant_type=client_credentials"),
        ok("application/json", "{\"access_token\":\"" + s + "\",\"token_type\":\"bearer\",\"expires_in\":3600}"))));
    rows.add(row("signed URL in a response body", s -> Interaction.of(plainGet("https://api.example.com/upload"),
        ok("application/json",
            "{\"url\":\"https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4&X-Goog-Signature=" + s + "\"}"))));
    // well-known credential shapes anywhere
    rows.add(row("sk- key in a request body", s -> plain(post("text/plain", "my key is sk-proj-" + s)),
        s -> "sk-proj-" + s));
    rows.add(row("sk-ant- key in a response body", s -> Interaction.of(plainGet("https://x/"), ok("text/plain",
        "key: sk-ant-api03-" + s)), s -> "sk-ant-api03-" + s));
    rows.add(row("AIza key in a path", s -> plain(plainGet("https://x.example.com/k/AIza" + s + "ABCDEFGHIJK/v")),
        s -> "AIza" + s + "ABCDEFGHIJK"));
    rows.add(row("hf_ token in JSON content", s -> plain(post("application/json", "{\"note\":\"hf_" + s + "\"}")),
        s -> "hf_" + s));
    rows.add(row("AKIA key in XML", s -> Interaction.of(plainGet("https://iam.amazonaws.com/"),
        ok("text/xml", "<AccessKeyId>AKIA" + s.substring(0, 16).toUpperCase() + "</AccessKeyId>")), s -> "AKIA"
            + s.substring(0, 16).toUpperCase()));
    rows.add(row("ghp_ token in a kept header", s -> Interaction.of(plainGet("https://x/"),
        Response.builder().headers(Multimap.of("X-Debug", "ghp_" + s + s)).build()), s -> "ghp_" + s + s));
    rows.add(row("xoxb- token in a form", s -> plain(form("channel=C1&text=xoxb-" + s)), s -> "xoxb-" + s));
    rows.add(row("JWT id_token in a response", s -> Interaction.of(plainGet("https://x/"),
        ok("application/json", "{\"id_token\":\"" + jwt(s) + "\"}")), SecretPlacementsTest::jwt));
    return rows.stream();
  }

  private static Arguments row(String name, Function<String, Interaction> exchange) {
    return row(name, exchange, s -> s);
  }

  private static Arguments row(String name, Function<String, Interaction> exchange, Function<String, String> shape) {
    return Arguments.of(name, new Placement(exchange, shape));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placements")
  void noSecretReachesTheFileAndAnotherSecretStillReplays(String name, Placement placement) throws Exception {
    Path file = dir.resolve("c.yaml");
    Interaction live = placement.exchange().apply(SEED);
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY).build()) {
      recorder.record(live.request(), live.response());
    }
    String secret = placement.shape().apply(SEED);
    String text = Files.readString(file);
    assertFalse(text.contains(secret), () -> name + ": the secret reached the file:\n" + text);
    assertFalse(text.contains(SEED), () -> name + ": part of the secret reached the file:\n" + text);
    for (Interaction saved : Cassette.load(file).interactions()) {
      Body body = saved.response().body();
      if (!body.isEmpty() && body.bytes()[0] == 0x1f) {
        String inflated = gunzip(body.bytes());
        assertFalse(inflated.contains(SEED), () -> name + ": the secret is in the gzip body: " + inflated);
      }
    }
    try (Recorder replay = Recorder.builder(file).mode(Mode.REPLAY_ONLY).build()) {
      Route route = replay.route(placement.exchange().apply(OTHER).request());
      assertTrue(route.isReplay(), name + ": a request with another secret does not match its recording");
    }
  }

  private static String jwt(String s) {
    return "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + s;
  }

  private static Interaction plain(Request request) {
    return Interaction.of(request, ok("text/plain", "ok"));
  }

  private static Request plainGet(String url) {
    return Request.builder().method("GET").url(url).build();
  }

  private static Interaction withHeader(String url, String header, String value) {
    return plain(get(url, header, value));
  }

  private static Request get(String url, String header, String value) {
    return Request.builder().method("GET").url(url).headers(Multimap.of(header, value)).build();
  }

  private static Request post(String contentType, String body) {
    return Request.builder().method("POST").url("https://api.example.com/v1/submit")
        .headers(Multimap.of("Content-Type", contentType)).body(body).build();
  }

  private static Request form(String body) {
    return Request.builder().method("POST").url("https://auth.example.com/oauth/token")
        .headers(Multimap.of("Content-Type", "application/x-www-form-urlencoded"))
        .form(RequestForm.of("POST", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), ""))
        .body(body).build();
  }

  private static Response ok(String contentType, String body) {
    return Response.builder().headers(Multimap.of("Content-Type", contentType)).body(body).build();
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @org.junit.jupiter.api.Test
  void theTableCoversEveryPlacementOfTheIssue() {
    assertTrue(placements().count() >= 47, "placements: " + placements().count());
    assertEquals(placements().count(), placements().map(a -> a.get()[0]).distinct().count(), "names are unique");
  }
}
