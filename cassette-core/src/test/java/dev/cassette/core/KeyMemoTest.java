package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyMemoTest {
  private static Request chat(String contentType, String body) {
    return Request.builder().method("POST").url("https://api.example.com/v1/chat")
        .headers(Multimap.of("Content-Type", contentType)).body(body).build();
  }

  @Test
  void aRecordedInputIsLookedUpByEqualityAndALiveOneIsNeverKept() {
    KeyMemo memo = new KeyMemo();
    AtomicInteger computed = new AtomicInteger();
    assertEquals("k", memo.key("part", Body.ofText("{\"a\":1}"), () -> { computed.incrementAndGet(); return "k"; }));
    memo.seal();
    // An equal input (another Body instance with the same bytes) finds the key without computing it.
    assertEquals("k", memo.key("part", Body.ofGoString("{\"a\":1}"), () -> { computed.incrementAndGet(); return "x"; }));
    assertEquals(1, computed.get());
    // The same input for another matcher part is another entry.
    assertEquals("y", memo.key("other", Body.ofText("{\"a\":1}"), () -> "y"));
    // What a live request sends after sealing is computed each time, not kept.
    assertEquals("z", memo.key("part", Body.ofText("{\"a\":2}"), () -> { computed.incrementAndGet(); return "z"; }));
    assertEquals("z", memo.key("part", Body.ofText("{\"a\":2}"), () -> { computed.incrementAndGet(); return "z"; }));
    assertEquals(3, computed.get());
  }

  @Test
  void aByteIdenticalJsonBodyReplaysWhateverItsJsonContentTypeSays() throws NoMatchingInteractionException {
    Recorder recorder = Recorder.builder(java.nio.file.Path.of("memo.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Cassette.builder()
            .add(chat("application/json", "{\"b\":[1,2],\"a\":\"x\"}"),
                Response.builder().code(200).body("first").build())
            .add(chat("application/json", "{\"a\":\"x\",\"b\":[1.0,2]}"),
                Response.builder().code(200).body("second").build())
            .build())
        .build();
    // Byte-identical to the second recording, but equal as JSON to both: file order still decides.
    assertEquals("first", recorder.route(chat("application/json; charset=utf-8", "{\"a\":\"x\",\"b\":[1.0,2]}"))
        .interaction().response().body().text());
    assertEquals("second", recorder.route(chat("application/json; charset=utf-8", "{\"b\":[1,2],\"a\":\"x\"}"))
        .interaction().response().body().text());
  }

  @Test
  void aMultipartBodyIsKeyedWithItsBoundary() {
    Matcher m = Matchers.body();
    String body = "--b1\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--b1--\r\n";
    Request recorded = chat("multipart/form-data; boundary=b1", body);
    KeyMemo memo = new KeyMemo();
    ((KeyedByInput) m).indexKey(recorded, memo);
    memo.seal();
    // The same bytes sent as plain text form another key than as multipart: the boundary is an input.
    Request asText = chat("text/plain", body);
    assertEquals(m.indexKey(asText), ((KeyedByInput) m).indexKey(asText, memo));
  }
}
