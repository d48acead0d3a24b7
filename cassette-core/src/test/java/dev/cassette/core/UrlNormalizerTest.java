package dev.cassette.core;

import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * URLs that clients spell differently but that mean the same request match (RFC 3986 section 6.2.2);
 * escapes that change a URL's meaning keep it apart.
 */
class UrlNormalizerTest {
  @TempDir Path dir;

  /** Go records a query's quotes raw; OkHttp and java.net.http send them escaped. */
  private static final String GO = "https://api.example.com/v1/search?q=it's+\"quoted\"&lang=en";
  private static final String OKHTTP = "https://api.example.com/v1/search?q=it%27s+%22quoted%22&lang=en";

  private static void assertSameUrl(String a, String b) {
    assertEquals(UrlNormalizer.normalize(a), UrlNormalizer.normalize(b), a + " vs " + b);
    assertTrue(Matchers.url().matches(Request.builder().url(a).build(), Request.builder().url(b).build()));
  }

  private static void assertDifferentUrl(String a, String b) {
    assertNotEquals(UrlNormalizer.normalize(a), UrlNormalizer.normalize(b), a + " vs " + b);
    assertFalse(Matchers.url().matches(Request.builder().url(a).build(), Request.builder().url(b).build()));
  }

  @Test
  void quotesInAQueryMatchTheirEscapes() {
    assertSameUrl(GO, OKHTTP);
    assertSameUrl("https://h/p?q=it's", "https://h/p?q=it%27s");
    assertSameUrl("https://h/p?q=\"x\"", "https://h/p?q=%22x%22");
  }

  @Test
  void hexDigitsOfAnEscapeIgnoreCase() {
    assertSameUrl("https://h/p?q=%2f%c3%a9", "https://h/p?q=%2F%C3%A9");
    assertSameUrl("https://h/a%2fb", "https://h/a%2Fb");
  }

  @Test
  void escapedUnreservedCharactersEqualTheCharacters() {
    assertSameUrl("https://h/%7Euser/a%2Db%2E%5F", "https://h/~user/a-b._");
    assertSameUrl("https://h/p?q=%41%7e", "https://h/p?q=A~");
  }

  @Test
  void charactersThatAreNotQueryDelimitersEqualTheirEscapes() {
    assertSameUrl("https://h/p?path=/a/b&t=12:30&ids=1,2&x=(y)*!@$?", "https://h/p?path=%2Fa%2Fb&t=12%3A30&ids=1%2C2&x=%28y%29%2A%21%40%24%3F");
    assertSameUrl("https://h/p?q=caf\u00e9 bar", "https://h/p?q=caf%C3%A9%20bar");
  }

  @Test
  void escapedDelimitersKeepTheirMeaning() {
    assertDifferentUrl("https://h/a%2Fb", "https://h/a/b");
    assertDifferentUrl("https://h/p?a%26b=1", "https://h/p?a&b=1");
    assertDifferentUrl("https://h/p?a=b%3Dc", "https://h/p?a=b=c");
    assertDifferentUrl("https://h/p?q=a%2Bb", "https://h/p?q=a+b");
    assertDifferentUrl("https://h/p?q=a+b", "https://h/p?q=a%20b");
    assertDifferentUrl("https://h/p?a=1%3Bb=2", "https://h/p?a=1;b=2");
    assertDifferentUrl("https://h/a%3Bv=1", "https://h/a;v=1");
    assertDifferentUrl("https://h/it's", "https://h/it%27s"); // a sub-delimiter in a path may be significant
  }

  @Test
  void hostCaseDefaultPortAndEmptyPathAreSpellings() {
    assertSameUrl("HTTPS://API.Example.com:443", "https://api.example.com/");
    assertSameUrl("http://h:80/p", "http://h/p");
    assertDifferentUrl("http://h:8080/p", "http://h/p");
    assertSameUrl("http://[::1]:80/p", "http://[::1]/p");
    assertDifferentUrl("https://h/P", "https://h/p");
    assertDifferentUrl("https://h/p?Q=1", "https://h/p?q=1");
  }

  @Test
  void aPercentThatStartsNoEscapeIsAnOctet() {
    assertSameUrl("https://h/p?q=100%", "https://h/p?q=100%25");
    assertSameUrl("https://h/p?q=%zz", "https://h/p?q=%25zz");
  }

  @Test
  void theIndexFindsARecordingSpelledDifferently() throws Exception {
    Interaction fromGo = interaction(get(GO), "results");
    Recorder recorder = Recorder.builder(dir.resolve("go.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Cassette.builder().add(fromGo).build()).build();
    Route route = recorder.route(get(OKHTTP));
    assertTrue(route.isReplay(), "the OkHttp spelling replays the Go recording");
    assertSame(fromGo, route.interaction());
    assertThrows(NoMatchingInteractionException.class,
        () -> recorder.route(get(OKHTTP.replace("lang=en", "lang%3Den"))));
  }

  @Test
  void theRecordedUrlKeepsItsSpelling() throws Exception {
    Interaction fromGo = interaction(get(GO), "results");
    Recorder recorder = Recorder.builder(dir.resolve("go.yaml")).mode(Mode.REPLAY_WITH_NEW_EPISODES)
        .cassette(Cassette.builder().add(fromGo).build()).build();
    recorder.route(get(OKHTTP));
    assertEquals(GO, recorder.cassette().interactions().get(0).request().url());
  }

  @Test
  void ignoringQueryParametersComparesTheRestNormalized() {
    Matcher m = Matchers.urlIgnoringQueryParameters("ts");
    Request recorded = Request.builder().url(GO + "&ts=1").build();
    Request live = Request.builder().url(OKHTTP + "&ts=2").build();
    assertTrue(m.matches(recorded, live));
    assertEquals(m.indexKey(recorded), m.indexKey(live));
  }
}
