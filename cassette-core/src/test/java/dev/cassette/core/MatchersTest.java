package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchersTest {
  private static Request request(String method, String url, String body) {
    return Request.builder().method(method).url(url).body(body).build();
  }

  private static Request json(String body) {
    return request("POST", "https://api.example.com/v1/chat", body);
  }

  /** Asserts the outcome and, for a match, the index-key contract: matching requests share a key. */
  private static void assertMatch(boolean expected, Matcher matcher, Request recorded, Request live) {
    assertEquals(expected, matcher.matches(recorded, live), () -> matcher + ": " + recorded + " vs " + live);
    if (expected) assertEquals(matcher.indexKey(recorded), matcher.indexKey(live));
    assertMemoizedKeys(matcher, recorded, live);
  }

  /**
   * An index finds the key of a live request through its {@link KeyMemo} of the recorded ones: that key
   * must be the one the matcher computes, whether the live request repeats the recording or not.
   */
  private static void assertMemoizedKeys(Matcher matcher, Request recorded, Request live) {
    if (!(matcher instanceof KeyedByInput keyed)) return;
    KeyMemo memo = new KeyMemo();
    assertEquals(matcher.indexKey(recorded), keyed.indexKey(recorded, memo));
    memo.seal();
    assertEquals(matcher.indexKey(live), keyed.indexKey(live, memo), () -> matcher + ": memoized key of " + live);
    assertEquals(matcher.indexKey(recorded), keyed.indexKey(recorded, memo));
  }

  @Test
  void defaultMatchesMethodUrlAndBody() {
    Matcher m = Matchers.methodUrlBody();
    Request recorded = json("{\"a\":1}");
    assertMatch(true, m, recorded, json("{\"a\":1}"));
    assertMatch(false, m, recorded, request("PUT", recorded.url(), "{\"a\":1}"));
    assertMatch(false, m, recorded, request("POST", recorded.url() + "?x=1", "{\"a\":1}"));
    assertMatch(false, m, recorded, json("{\"a\":2}"));
    assertNotNull(m.indexKey(recorded));
  }

  @Test
  void jsonStringsCompareByValueWhateverTheirEscapes() {
    Matcher m = Matchers.methodUrlBody();
    Request recorded = json("{\"a\":\"q\\\"u\\\\o\\nte\",\"b\":\"A\"}");
    // The same values spelt with other escapes, keys in another order.
    assertMatch(true, m, recorded, json("{\"b\":\"\\u0041\",\"a\":\"q\\u0022u\\\\o\\u000ate\"}"));
    // A quote, a backslash or a newline is not its escape's letters, nor another control character.
    assertMatch(false, m, recorded, json("{\"a\":\"q\\\"u\\\\o\\\\nte\",\"b\":\"A\"}"));
    assertMatch(false, m, recorded, json("{\"a\":\"q\\\"u\\\\o\\tte\",\"b\":\"A\"}"));
    assertMatch(false, m, json("{\"a\\\"\":1}"), json("{\"a\\\\\":1}"));
  }

  @Test
  void multipartBodiesMatchWhateverTheirBoundary() {
    Matcher m = Matchers.methodUrlBody();
    Request recorded = upload("0a1b-recorded", "hello");
    assertMatch(true, m, recorded, upload("9f8e-live", "hello"));
    assertMatch(false, m, recorded, upload("9f8e-live", "other file"));
    assertEquals("0a1b-recorded", Matchers.multipartBoundary("multipart/form-data; boundary=\"0a1b-recorded\""));
    assertNull(Matchers.multipartBoundary("application/json; boundary=x"));
    assertNull(Matchers.multipartBoundary("multipart/form-data"));
  }

  private static Request upload(String boundary, String content) {
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return request("POST", "https://api.example.com/v1/files", body).toBuilder()
        .headers(Multimap.of("Content-Type", "multipart/form-data; boundary=" + boundary)).build();
  }

  @Test
  void defaultIgnoresHeaders() {
    Request recorded = json("{}").toBuilder().headers(Multimap.of("User-Agent", "a")).build();
    Request live = json("{}").toBuilder().headers(Multimap.of("User-Agent", "b")).build();
    assertMatch(true, Matchers.methodUrlBody(), recorded, live);
  }

  @Test
  void methodIsExact() {
    assertMatch(true, Matchers.method(), request("GET", "a", ""), request("GET", "b", "x"));
    assertMatch(false, Matchers.method(), request("GET", "a", ""), request("POST", "a", ""));
  }

  @Test
  void urlIsTheFullUrlWithQuery() {
    assertMatch(true, Matchers.url(), request("GET", "https://h/p?a=1", ""), request("POST", "https://h/p?a=1", "x"));
    assertMatch(false, Matchers.url(), request("GET", "https://h/p?a=1", ""), request("GET", "https://h/p?a=2", ""));
    assertMatch(false, Matchers.url(), request("GET", "https://h/p?a=1&b=2", ""), request("GET", "https://h/p?b=2&a=1", ""));
  }

  @Test
  void urlIgnoringQueryParametersDropsOnlyThoseNamed() {
    Matcher m = Matchers.urlIgnoringQueryParameters("ts", "nonce");
    assertMatch(true, m, request("GET", "https://h/p?a=1&ts=100&nonce=x", ""), request("GET", "https://h/p?a=1&ts=200", ""));
    assertMatch(true, m, request("GET", "https://h/p?ts=1", ""), request("GET", "https://h/p", ""));
    assertMatch(false, m, request("GET", "https://h/p?a=1&ts=1", ""), request("GET", "https://h/p?a=2&ts=1", ""));
    assertMatch(true, m, request("GET", "https://h/p?t%73=1#frag", ""), request("GET", "https://h/p#frag", ""));
  }

  @Test
  void bodyIgnoresJsonKeyOrder() {
    assertMatch(true, Matchers.body(), json("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":null}}"),
        json("{ \"b\": {\"d\": null, \"c\": [1, 2]}, \"a\": 1 }"));
  }

  @Test
  void bodyComparesJsonNumbersByValue() {
    assertMatch(true, Matchers.body(), json("{\"t\":1}"), json("{\"t\":1.0}"));
    assertMatch(true, Matchers.body(), json("{\"t\":100}"), json("{\"t\":1e2}"));
    assertMatch(true, Matchers.body(), json("[0.50]"), json("[0.5]"));
    assertMatch(true, Matchers.body(), json("{\"t\":0}"), json("{\"t\":-0.0}"));
    assertMatch(false, Matchers.body(), json("{\"t\":1}"), json("{\"t\":1.01}"));
    assertMatch(false, Matchers.body(), json("{\"t\":1}"), json("{\"t\":\"1\"}"));
  }

  @Test
  void bodyKeepsArrayOrder() {
    assertMatch(false, Matchers.body(), json("[1,2]"), json("[2,1]"));
  }

  @Test
  void bodyNormalisesCrlf() {
    assertMatch(true, Matchers.body(), json("line1\r\nline2\r\n"), json("line1\nline2\n"));
    assertMatch(true, Matchers.body(), json("{\r\n  \"a\": 1\r\n}"), json("{\"a\":1}"));
    assertMatch(false, Matchers.body(), json("line1\nline2"), json("line1 line2"));
  }

  @Test
  void bodyComparesTextWhenOnlyOneSideIsJson() {
    assertMatch(false, Matchers.body(), json("{\"a\":1}"), json("{\"a\":1"));
    assertMatch(true, Matchers.body(), json("not json"), json("not json"));
    assertMatch(true, Matchers.body(), json(""), json(""));
    assertMatch(false, Matchers.body(), json(""), json("{}"));
  }

  @Test
  void bodyComparesBinaryBytesExactly() {
    Request a = Request.builder().body(Body.of(new byte[] {(byte) 0xff, 0x00, 0x01})).build();
    Request b = Request.builder().body(Body.of(new byte[] {(byte) 0xff, 0x00, 0x01})).build();
    Request c = Request.builder().body(Body.of(new byte[] {(byte) 0xfe, 0x00, 0x01})).build();
    assertMatch(true, Matchers.body(), a, b);
    assertMatch(false, Matchers.body(), a, c);
  }

  @Test
  void jsonBodyIgnoringSkipsThePointedValues() {
    Matcher m = Matchers.jsonBodyIgnoring("/metadata/request_id", "/items/0");
    assertMatch(true, m, json("{\"q\":1,\"metadata\":{\"request_id\":\"a\",\"k\":2},\"items\":[9,8]}"),
        json("{\"q\":1,\"metadata\":{\"request_id\":\"b\",\"k\":2},\"items\":[7,8]}"));
    assertMatch(false, m, json("{\"q\":1,\"metadata\":{\"request_id\":\"a\",\"k\":2}}"),
        json("{\"q\":1,\"metadata\":{\"request_id\":\"a\",\"k\":3}}"));
    assertMatch(true, m, json("plain\r\n"), json("plain\n"));
    assertThrows(IllegalArgumentException.class, () -> Matchers.jsonBodyIgnoring("no-leading-slash"));
    assertThrows(IllegalArgumentException.class, () -> Matchers.jsonBodyIgnoring(""));
  }

  @Test
  void headersCompareTheNamedValuesIgnoringNameCase() {
    Matcher m = Matchers.headers("Accept", "X-Version");
    Request a = Request.builder().headers(Multimap.builder().add("accept", "json").add("X-Version", "2").build()).build();
    Request b = Request.builder().headers(Multimap.builder().add("Accept", "json").add("x-version", "2")
        .add("Other", "ignored").build()).build();
    Request c = Request.builder().headers(Multimap.builder().add("Accept", "json").build()).build();
    assertMatch(true, m, a, b);
    assertMatch(false, m, a, c);
  }

  @Test
  void andNeedsBothAndKeepsTheirKeys() {
    Matcher m = Matchers.method().and(Matchers.url());
    assertMatch(true, m, request("GET", "u", "a"), request("GET", "u", "b"));
    assertMatch(false, m, request("GET", "u", ""), request("GET", "v", ""));
    assertMatch(false, m, request("GET", "u", ""), request("PUT", "u", ""));
    assertFalse(m.indexKey(request("GET", "u", "")).equals(m.indexKey(request("GET", "v", ""))));
  }

  @Test
  void lambdaMatchersHaveNoKeyAndAndKeepsTheOtherOne() {
    Matcher any = (recorded, live) -> true;
    assertNull(any.indexKey(request("GET", "u", "")));
    Matcher combined = any.and(Matchers.url());
    assertEquals(Matchers.url().indexKey(request("GET", "u", "")), combined.indexKey(request("GET", "u", "")));
    assertTrue(combined.matches(request("GET", "u", ""), request("PUT", "u", "")));
  }
}
