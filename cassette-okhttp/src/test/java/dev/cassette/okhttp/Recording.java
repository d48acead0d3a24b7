package dev.cassette.okhttp;

import dev.cassette.core.Cassette;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** What the integration tests share: recorders on a cassette file and clients that use them. */
final class Recording {
  /** One connection pool and dispatcher for every test client, so tests do not pile up threads. */
  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .readTimeout(10, TimeUnit.SECONDS)
      .callTimeout(30, TimeUnit.SECONDS)
      .build();

  private Recording() {}

  static Recorder recorder(Path cassette, Mode mode) {
    return Recorder.builder(cassette).mode(mode).matcher(Matchers.methodUrlBody()).build();
  }

  static OkHttpClient client(Recorder recorder) {
    return BASE.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
  }

  static Cassette load(Path cassette) throws IOException {
    return Cassette.load(cassette);
  }

  /**
   * A response read whole and closed.
   *
   * @param trailers what {@code Response.trailers()} returned after the body, or null when it threw (OkHttp
   *     4.12 has no trailers for a response that did not come from the network)
   */
  record Exchange(int code, String message, okhttp3.Protocol protocol, okhttp3.Headers headers, byte[] body,
      okhttp3.Headers trailers) {
    static Exchange of(OkHttpClient client, Request request) throws IOException {
      try (Response response = client.newCall(request).execute()) {
        byte[] body = response.body().bytes();
        return new Exchange(response.code(), response.message(), response.protocol(), response.headers(),
            body, trailers(response));
      }
    }

    private static okhttp3.Headers trailers(Response response) {
      try {
        return response.trailers();
      } catch (IllegalStateException | IOException notAvailable) {
        return null;
      }
    }
  }
}
