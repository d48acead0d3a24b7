package dev.cassette.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import dev.cassette.okhttp.CassetteInterceptor;
import dev.cassette.server.CassetteServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One recorded exchange ({@link Payload}: the seed's SSE stream, or a plain JSON completion) answered by
 * each subject, its body read to the end, through the same OkHttp client configuration:
 *
 * <ul>
 *   <li>{@code okhttpFloor}: an interceptor that returns a prebuilt response, the least any replay
 *       through OkHttp costs (a call, its chain, a response, reading the body);
 *   <li>{@code okhttpCassette}: {@link CassetteInterceptor} replaying the cassette;
 *   <li>{@code jdkFloor} and {@code jdkCassette}: the same through java.net.http, {@link CassetteHttpClient}
 *       beside the thinnest {@code HttpClient} that runs the caller's body handler ({@link PrebuiltResponseClient});
 *   <li>{@code server}: {@link CassetteServer} replaying on loopback, as a client in any language uses it;
 *   <li>{@code mockWebServer3} (with TCP_NODELAY, see {@link NoDelayServerSocketFactory}) and
 *       {@code wireMock} 3.13.2 answering with a stub on loopback.
 * </ul>
 *
 * <p>Each subject has a state of its own, so that each JMH fork (one per subject and payload) builds and
 * runs only that subject: no other server's threads or JIT work share its JVM. Setup checks that the
 * subject answers with the payload's bytes. The stubs of mockwebserver3 and WireMock match the URL only,
 * the cheapest stub each offers, where the cassette matches method, URL and body.
 *
 * <p>Why 20 s of warmup: on 2 cores a server's JIT settles over 10 to 20 s (WireMock's time per request
 * between 5 and 15 s into a run is about 3.5 times its settled time), and a shorter warmup measures the
 * compiler rather than the server.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayBenchmark {

  /** What every subject shares: the payload and one OkHttp client configuration. */
  @State(Scope.Benchmark)
  public abstract static class Subject {
    @Param({"sse", "json"})
    public String payload;

    Payload p;
    OkHttpClient client;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      p = Payload.named(payload);
      client = new OkHttpClient();
      start();
      p.check(getClass().getSimpleName(), call());
    }

    /** Starts the subject; {@link #client} is the plain client, to build upon. */
    abstract void start() throws Exception;

    /** One exchange, its body read to the end. */
    abstract byte[] call() throws Exception;

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      stop();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }

    void stop() throws Exception {}

    Request request(HttpUrl url) {
      return new Request.Builder().url(url)
          .post(RequestBody.create(p.requestBody, MediaType.get(p.requestContentType))).build();
    }

    static byte[] read(OkHttpClient client, Request request) throws IOException {
      try (Response response = client.newCall(request).execute()) {
        return response.body().bytes();
      }
    }

    Recorder replaying() {
      return Recorder.builder(Path.of("replay-benchmark-never-saved.yaml")).mode(Mode.REPLAY_ONLY)
          .allowRepeats(true).cassette(p.cassette).build();
    }
  }

  public static class OkHttpFloor extends Subject {
    OkHttpClient floor;
    Request request;

    @Override
    void start() {
      MediaType type = MediaType.get(p.responseContentType);
      ByteString body = ByteString.of(p.responseBody);
      floor = client.newBuilder().addInterceptor(chain -> new Response.Builder()
          .request(chain.request()).protocol(Protocol.HTTP_2).code(200).message("OK")
          .header("Content-Type", p.responseContentType)
          .body(ResponseBody.create(body, type)).build()).build();
      request = request(HttpUrl.get(p.url));
    }

    @Override
    byte[] call() throws IOException {
      return read(floor, request);
    }
  }

  public static class OkHttpCassette extends Subject {
    Recorder recorder;
    OkHttpClient replaying;
    Request request;

    @Override
    void start() {
      recorder = replaying();
      replaying = client.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
      request = request(HttpUrl.get(p.url));
    }

    @Override
    byte[] call() throws IOException {
      return read(replaying, request);
    }

    @Override
    void stop() {
      recorder.close();
    }
  }

  public static class JdkFloor extends Subject {
    HttpClient floor;
    HttpRequest request;

    @Override
    void start() {
      floor = new PrebuiltResponseClient(200, p.responseContentType,
          new String(p.responseBody, java.nio.charset.StandardCharsets.UTF_8));
      request = jdkRequest(p);
    }

    @Override
    byte[] call() throws Exception {
      return floor.send(request, BodyHandlers.ofByteArray()).body();
    }
  }

  public static class JdkCassette extends Subject {
    Recorder recorder;
    HttpClient replaying;
    HttpRequest request;

    @Override
    void start() {
      recorder = replaying();
      replaying = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
      request = jdkRequest(p);
    }

    @Override
    byte[] call() throws Exception {
      return replaying.send(request, BodyHandlers.ofByteArray()).body();
    }

    @Override
    void stop() {
      recorder.close();
    }
  }

  static HttpRequest jdkRequest(Payload p) {
    return HttpRequest.newBuilder(URI.create(p.url)).header("Content-Type", p.requestContentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(p.requestBody)).build();
  }

  public static class Server extends Subject {
    Recorder recorder;
    CassetteServer server;
    Request request;

    @Override
    void start() {
      recorder = replaying();
      server = CassetteServer.start(recorder, p.origin());
      request = request(HttpUrl.get(server.baseUri() + p.pathAndQuery()));
    }

    @Override
    byte[] call() throws IOException {
      return read(client, request);
    }

    @Override
    void stop() {
      server.close();
      recorder.close();
    }
  }

  public static class MockWebServer3 extends Subject {
    MockWebServer server;
    Request request;

    @Override
    void start() throws IOException {
      MockResponse response = new MockResponse.Builder().code(200)
          .addHeader("Content-Type", p.responseContentType).body(new okio.Buffer().write(p.responseBody)).build();
      server = new MockWebServer();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return response;
        }
      });
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      request = request(server.url(p.pathAndQuery()));
    }

    @Override
    byte[] call() throws IOException {
      return read(client, request);
    }

    @Override
    void stop() throws IOException {
      server.close();
    }
  }

  public static class WireMock extends Subject {
    WireMockServer server;
    Request request;

    @Override
    void start() {
      server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
          .disableRequestJournal().containerThreads(8));
      server.start();
      server.stubFor(post(urlEqualTo(p.pathAndQuery())).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", p.responseContentType).withBody(p.responseBody)));
      request = request(HttpUrl.get("http://127.0.0.1:" + server.port() + p.pathAndQuery()));
    }

    @Override
    byte[] call() throws IOException {
      return read(client, request);
    }

    @Override
    void stop() {
      server.stop();
    }
  }

  @Benchmark
  public byte[] okhttpFloor(OkHttpFloor s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] okhttpCassette(OkHttpCassette s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] jdkFloor(JdkFloor s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] jdkCassette(JdkCassette s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] server(Server s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] mockWebServer3(MockWebServer3 s) throws Exception {
    return s.call();
  }

  @Benchmark
  public byte[] wireMock(WireMock s) throws Exception {
    return s.call();
  }
}
