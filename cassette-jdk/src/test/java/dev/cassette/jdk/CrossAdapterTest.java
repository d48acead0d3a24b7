package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.Recorder;
import dev.cassette.core.contract.AdapterContractTest;
import dev.cassette.core.contract.Answer;
import dev.cassette.core.contract.ContractClient;
import dev.cassette.core.contract.LoopbackServer;
import dev.cassette.core.contract.Scenario;
import dev.cassette.okhttp.contract.OkHttpContractClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, two adapters: the same exchange recorded through OkHttp and through java.net.http gives
 * the same cassette (method, URL, headers, body, form; status, headers, body, lengths), and each adapter
 * replays the other's recording as the caller saw it live.
 */
class CrossAdapterTest {
  private static final ContractClient OKHTTP = new OkHttpContractClient();
  private static final ContractClient JDK = new JdkContractClient();

  @TempDir Path dir;

  static List<Scenario> scenarios() {
    return Scenario.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void sameCassetteAndEachReplaysTheOthers(Scenario scenario) throws Exception {
    Path byOkHttp = dir.resolve("okhttp.yaml");
    Path byJdk = dir.resolve("jdk.yaml");
    Answer liveOkHttp = AdapterContractTest.record(OKHTTP, byOkHttp, scenario);
    Answer liveJdk = AdapterContractTest.record(JDK, byJdk, scenario);

    Interaction okhttp = comparable(byOkHttp);
    Interaction jdk = comparable(byJdk);
    assertEquals(okhttp.request().method(), jdk.request().method());
    assertEquals(okhttp.request().url(), jdk.request().url());
    assertEquals(okhttp.request().body(), jdk.request().body());
    assertEquals(okhttp.request(), jdk.request());
    assertEquals(okhttp.response().code(), jdk.response().code());
    assertEquals(okhttp.response().body(), jdk.response().body());
    assertEquals(okhttp.response(), jdk.response());

    Answer jdkReplaysOkHttp = AdapterContractTest.replay(JDK, byOkHttp, scenario, AdapterContractTest.recordedBase(byOkHttp));
    AdapterContractTest.assertSameToTheCaller(liveOkHttp, jdkReplaysOkHttp, okhttp);
    Answer okHttpReplaysJdk = AdapterContractTest.replay(OKHTTP, byJdk, scenario, AdapterContractTest.recordedBase(byJdk));
    AdapterContractTest.assertSameToTheCaller(liveJdk, okHttpReplaysJdk, jdk);
  }

  /** A test whose code uses both clients records both into its one cassette, and replays both from it. */
  @Test
  void oneRecorderServesBothClients() throws Exception {
    Path cassette = dir.resolve("both.yaml");
    Scenario chat = Scenario.all().get(0);
    Scenario stream = Scenario.all().get(1);
    String base;
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(chat.reply());
      server.enqueue(stream.reply());
      base = server.url("");
      try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
        OKHTTP.send(recorder, chat.call().apply(base));
        JDK.send(recorder, stream.call().apply(base));
      }
      assertEquals(2, server.requestCount());
    }
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      assertEquals(chat.reply().code(), JDK.send(recorder, chat.call().apply(base)).code());
      assertEquals(new String(stream.reply().body(), StandardCharsets.UTF_8),
          new String(OKHTTP.send(recorder, stream.call().apply(base)).body(), StandardCharsets.UTF_8));
      assertEquals(List.of(), recorder.unusedInteractions());
    }
  }

  private static String withoutPort(String url) {
    return url.replaceFirst("^(http://127\\.0\\.0\\.1):\\d+", "$1");
  }

  /**
   * The recorded interaction with what legitimately differs between two recordings left out: the
   * server's port (each recording has its own server), the time to headers, the {@code Date} header,
   * and the order of header names (java.net.http sorts them).
   */
  private static Interaction comparable(Path cassette) throws IOException {
    Interaction recorded = Cassette.load(cassette).interactions().get(0);
    return Interaction.of(
        recorded.request().toBuilder().url(withoutPort(recorded.request().url()))
            .headers(sorted(recorded.request().headers())).build(),
        recorded.response().toBuilder().duration(GoDuration.ZERO).headers(sorted(recorded.response().headers())).build());
  }

  private static Multimap sorted(Multimap headers) {
    Map<String, List<String>> byName = new TreeMap<>(headers.asMap());
    byName.remove("Date");
    Multimap.Builder out = Multimap.builder();
    byName.forEach(out::addAll);
    return out.build();
  }
}
