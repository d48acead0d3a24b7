package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import dev.cassette.core.Body;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Multimap;
import dev.cassette.core.Recorder;
import dev.cassette.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Sends a request on to the upstream and streams the answer back to the client as it arrives, each read
 * flushed at once (an SSE stream reaches the client event by event), while keeping a copy to record.
 *
 * <p>Compression: the upstream is asked for {@code gzip} whatever the client accepts, and a gzip body is
 * decompressed here, as Go's and OkHttp's transports do for their callers. The client receives the plain
 * body without {@code Content-Encoding}, chunked; the cassette holds the plain body with
 * {@code uncompressed: true}, the same interaction the interceptor records. Other encodings pass through
 * untouched, header included.
 *
 * <p>Redirects are not followed: the client gets the upstream's {@code 3xx} as sent, and its own next
 * request is matched and recorded on its own.
 */
final class Forwarding {
  private static final System.Logger LOG = System.getLogger(Forwarding.class.getName());

  private final HttpClient client;
  private final Recorder recorder;

  Forwarding(HttpClient client, Recorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /** Forwards {@code request}; records the exchange when {@code record}, once the whole body is in. */
  void forward(HttpExchange exchange, IncomingRequest request, boolean record) throws IOException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = client.send(upstreamRequest(request), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + describe(request));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cassette-server: " + describe(request) + " failed: " + e);
      Refusal.send(exchange, Refusal.BAD_GATEWAY, "cassette-server: the upstream request "
          + describe(request) + " failed, nothing was recorded: " + e);
      return;
    }
    long duration = System.nanoTime() - start;

    HttpHeaders headers = response.headers();
    int code = response.statusCode();
    boolean bodiless = ResponseWriter.hasNoBody(request.method(), code);
    long length = headers.firstValueAsLong("Content-Length").orElse(-1);
    boolean gunzip = !bodiless && length != 0
        && headers.firstValue("Content-Encoding").map(v -> v.strip().equalsIgnoreCase("gzip")).orElse(false);
    Map<String, List<String>> toClient = gunzip ? withoutLengthAndEncoding(headers.map()) : headers.map();
    Response.Builder head = recordedHead(request, response, toClient, gunzip, duration);

    ResponseWriter.copyHeaders(toClient, exchange, bodiless);
    long sentLength = gunzip ? -1 : length;
    if (bodiless || sentLength == 0) {
      // The head alone completes this response for the client, so it is recorded first: a client that
      // has its answer must find it in the recorder.
      try (InputStream in = response.body()) {
        in.readAllBytes();
      }
      if (record) commit(request, head.build());
      ResponseWriter.sendHead(exchange, code, bodiless, 0).close();
      return;
    }
    OutputStream out = ResponseWriter.sendHead(exchange, code, false, sentLength);
    try (InputStream raw = response.body(); InputStream in = gunzip ? new GZIPInputStream(raw) : raw) {
      // The relayed copy is a fresh array: handed over, not copied again (a stream may be very large).
      relay(in, out, sentLength, record ? body -> commit(request, head.body(Body.wrap(body)).build()) : null);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cassette-server: not recording " + describe(request)
          + ": reading the upstream's body failed: " + e);
      throw e;
    }
  }

  /**
   * Copies the upstream's body to the client, flushing every read, and hands the whole body to
   * {@code recording} (when not null) before the client can have all of it: with a known length, just
   * before the last bytes go out; chunked, before the stream closes, which ends it for the client.
   */
  private static void relay(InputStream in, OutputStream out, long length, Consumer<byte[]> recording)
      throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    boolean recorded = false;
    boolean clientGone = false;
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      if (recording != null) {
        copy.write(buffer, 0, n);
        if (copy.size() == length) {
          recording.accept(copy.toByteArray());
          recorded = true;
        }
      }
      if (clientGone) continue;
      try {
        out.write(buffer, 0, n);
        out.flush();
      } catch (IOException e) {
        // The client hung up; the upstream's answer is still read to its end, so the cassette holds
        // the whole response, as the interceptor records a body closed early.
        clientGone = true;
      }
    }
    if (recording != null && !recorded) recording.accept(copy.toByteArray());
    if (!clientGone) out.close();
  }

  private static HttpRequest upstreamRequest(IncomingRequest request) {
    byte[] body = request.body();
    HttpRequest.BodyPublisher publisher = body.length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.target()).method(request.method(), publisher);
    request.headers().asMap().forEach((name, values) -> {
      if (name.equalsIgnoreCase("Accept-Encoding")) return;
      for (String value : values) {
        try {
          builder.header(name, value);
        } catch (IllegalArgumentException e) {
          // A header java.net.http sets itself or refuses (Date, Via, ...): the upstream gets the
          // client's own value of it, if any, from java.net.http instead.
          LOG.log(Level.DEBUG, "cassette-server: not forwarding header " + name + ": " + e.getMessage());
        }
      }
    });
    builder.header("Accept-Encoding", "gzip");
    return builder.build();
  }

  /** As cassette-okhttp's interceptor records a response head, so both write the same file. */
  private static Response.Builder recordedHead(IncomingRequest request, HttpResponse<?> response,
      Map<String, List<String>> headers, boolean uncompressed, long durationNanos) {
    boolean http2 = response.version() == HttpClient.Version.HTTP_2;
    int code = response.statusCode();
    boolean chunked = response.headers().allValues("Transfer-Encoding").stream()
        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));
    Multimap.Builder recorded = Multimap.builder();
    headers.forEach((name, values) -> {
      String canonical = Multimap.canonicalHeaderName(name);
      // Go's transport moves Transfer-Encoding out of the header map into its own field.
      if (name.startsWith(":") || canonical.equals("Transfer-Encoding")) return;
      recorded.addAll(canonical, values);
    });
    long contentLength;
    if (uncompressed) {
      contentLength = -1;
    } else if (!http2 && (code / 100 == 1 || code == 204 || code == 304) && !request.method().equals("HEAD")) {
      contentLength = 0; // Go's HTTP/1 transport, whatever the headers claim
    } else {
      contentLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }
    Response.Builder head = Response.builder()
        .protocol(http2 ? "HTTP/2.0" : "HTTP/1.1")
        .contentLength(contentLength)
        .uncompressed(uncompressed)
        .headers(recorded.build())
        .code(code)
        .duration(GoDuration.ofNanos(durationNanos));
    if (chunked) head.transferEncoding(List.of("chunked"));
    return head;
  }

  private static Map<String, List<String>> withoutLengthAndEncoding(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>(headers);
    copy.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Content-Encoding"));
    return copy;
  }

  private void commit(IncomingRequest request, Response response) {
    try {
      recorder.record(request.recorded(), response);
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "cassette-server: not recording " + describe(request) + ": " + e.getMessage());
    }
  }

  /** Method and URL without the query: logs are not redacted as cassettes are. */
  private static String describe(IncomingRequest request) {
    String url = request.target().toString();
    int query = url.indexOf('?');
    return request.method() + " " + (query < 0 ? url : url.substring(0, query) + "?...");
  }
}
