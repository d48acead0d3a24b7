package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK recipes run on the OkHttp the SDKs bring (4.12.0), as a user's project does: cassette-okhttp
 * adds no second copy (it depends on OkHttp in provided scope), so the interceptor is loaded by the same
 * OkHttp the SDK calls.
 */
class OneOkHttpTest {
  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("/okhttp-4.12.0.jar!"), copies.toString());
  }
}
