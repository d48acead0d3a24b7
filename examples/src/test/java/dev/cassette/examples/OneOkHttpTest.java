package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK recipes run on the OkHttp the SDKs bring, as a user's project does: cassette-okhttp adds no
 * second copy (it depends on OkHttp in provided scope), so an interceptor built here is loaded by the
 * same OkHttp the SDK calls.
 */
class OneOkHttpTest {
  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
  }
}
