package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorder.Builder.ignoreHosts: which requests it covers, and the names it refuses. */
class IgnoredHostsTest {
  @TempDir Path dir;

  private static Request get(String url) {
    return Request.builder().method("GET").url(url).build();
  }

  @Test
  void namesCompareWithoutCaseAndPortsDoNotCount() throws Exception {
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY)
        .ignoreHosts("Metrics.Example.com", "*.internal.test").build()) {
      assertFalse(recorder.route(get("https://metrics.example.COM:8443/push")).shouldRecord());
      assertFalse(recorder.route(get("http://db.internal.test/q")).shouldRecord());
      assertFalse(recorder.route(get("http://user:pw@db.internal.test/a b")).shouldRecord(),
          "a URL java.net.URI rejects");
      assertTrue(recorder.route(get("http://internal.test/")).shouldRecord(), "*.x covers subdomains, not x");
      assertTrue(recorder.route(get("https://api.example.com/v1")).shouldRecord());
      assertEquals(Set.of("metrics.example.com", "*.internal.test"), recorder.ignoredHosts());
    }
  }

  @Test
  void replayOnlySendsAnIgnoredHostToTheNetworkInsteadOfFailing() throws Exception {
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Cassette.builder().build()).ignoreHosts("localhost").build()) {
      Route route = recorder.route(get("http://localhost:9200/_search"));
      assertFalse(route.isReplay());
      assertFalse(route.shouldRecord());
      assertThrows(NoMatchingInteractionException.class, () -> recorder.route(get("https://api.example.com/")));
    }
  }

  @Test
  void aUrlInsteadOfAHostIsRefusedAtTheCall() {
    Recorder.Builder builder = Recorder.builder(dir.resolve("c.yaml"));
    for (String wrong : new String[] {"https://api.example.com", "localhost:8080", "api.example.com/v1", " "}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.ignoreHosts(wrong));
      assertTrue(e.getMessage().contains("leave out the scheme, port and path"), e.getMessage());
    }
  }
}
