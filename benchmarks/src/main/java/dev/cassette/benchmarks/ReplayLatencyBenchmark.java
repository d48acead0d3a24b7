package dev.cassette.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import dev.cassette.okhttp.CassetteInterceptor;
import dev.cassette.server.CassetteServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One chat-completion call answered four ways by the same OkHttp client configuration: replayed by
 * {@link CassetteInterceptor}, replayed by a {@link CassetteServer} on loopback (what a client cassette
 * cannot be plugged into pays), served by mockwebserver3 on loopback, and served by WireMock on loopback.
 * The interceptor's replay should cost a fraction of a loopback round trip; the server's, no more than
 * the other loopback servers'.
 *
 * <p>The same call through java.net.http is replayed by {@link CassetteHttpClient} and, as its floor,
 * answered by {@link PrebuiltResponseClient}: the thinnest {@code HttpClient} that runs the caller's body
 * handler over a prebuilt response. What lies between the two is the adapter's own cost (capturing the
 * request body, routing, building the response).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayLatencyBenchmark {
  static final String REQUEST_BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
  static final String RESPONSE_BODY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
      + "Hi! How can I help you today? ".repeat(20)
      + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":180}}";
  static final MediaType JSON = MediaType.parse("application/json");

  private Path dir;
  private MockWebServer mockWebServer;
  private WireMockServer wireMock;
  private Recorder recorder;
  private CassetteServer cassetteServer;
  private OkHttpClient plain;
  private OkHttpClient replaying;
  private Request toMockWebServer;
  private Request toWireMock;
  private Request toCassette;
  private Request toCassetteServer;
  private HttpClient jdkReplaying;
  private HttpClient jdkFloor;
  private HttpRequest jdkToCassette;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("replay-latency");
    mockWebServer = new MockWebServer();
    mockWebServer.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(RESPONSE_BODY).build();
      }
    });
    mockWebServer.setServerSocketFactory(new NoDelayServerSocketFactory());
    mockWebServer.start(InetAddress.getByName("127.0.0.1"), 0);

    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .disableRequestJournal().containerThreads(8));
    wireMock.start();
    wireMock.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(RESPONSE_BODY)));

    HttpUrl cassetteUrl = HttpUrl.get("https://api.example.com/v1/chat/completions");
    Path file = dir.resolve("chat.yaml");
    Cassette.builder()
        .add(dev.cassette.core.Request.builder().method("POST").url(cassetteUrl.toString())
                .headers(Multimap.of("Content-Type", "application/json; charset=utf-8"))
                .contentLength(REQUEST_BODY.length()).body(REQUEST_BODY).build(),
            dev.cassette.core.Response.builder().protocol("HTTP/2.0").code(200).status("200 OK")
                .headers(Multimap.of("Content-Type", "application/json")).body(RESPONSE_BODY).build())
        .build()
        .save(file);
    recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .allowRepeats(true).build();

    plain = new OkHttpClient();
    replaying = plain.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
    toMockWebServer = chat(mockWebServer.url("/v1/chat/completions"));
    toWireMock = chat(HttpUrl.get("http://127.0.0.1:" + wireMock.port() + "/v1/chat/completions"));
    toCassette = chat(cassetteUrl);
    cassetteServer = CassetteServer.start(recorder, "https://api.example.com");
    toCassetteServer = chat(HttpUrl.get(cassetteServer.baseUri() + "/v1/chat/completions"));

    jdkReplaying = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
    jdkFloor = new PrebuiltResponseClient(200, "application/json", RESPONSE_BODY);
    jdkToCassette = HttpRequest.newBuilder(URI.create(cassetteUrl.toString()))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(REQUEST_BODY))
        .build();
  }

  /**
   * mockwebserver3 leaves Nagle's algorithm on for the sockets it accepts; with Linux's delayed ACK each
   * keep-alive request then stalls about 40 ms (OkHttp issue #4784), which would measure the kernel
   * rather than the server. Jetty, under WireMock, already sets TCP_NODELAY.
   */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }
  }

  static Request chat(HttpUrl url) {
    return new Request.Builder().url(url).post(RequestBody.create(REQUEST_BODY, JSON)).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    cassetteServer.close();
    recorder.close();
    wireMock.stop();
    mockWebServer.close();
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    Files.deleteIfExists(dir.resolve("chat.yaml"));
    Files.deleteIfExists(dir);
  }

  static int call(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }

  @Benchmark
  public int replayViaInterceptor() throws IOException {
    return call(replaying, toCassette);
  }

  @Benchmark
  public int replayViaCassetteServer() throws IOException {
    return call(plain, toCassetteServer);
  }

  @Benchmark
  public int replayViaJdkClient() throws IOException, InterruptedException {
    return jdkReplaying.send(jdkToCassette, BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int jdkPrebuiltFloor() throws IOException, InterruptedException {
    return jdkFloor.send(jdkToCassette, BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int mockWebServer3() throws IOException {
    return call(plain, toMockWebServer);
  }

  @Benchmark
  public int wireMock() throws IOException {
    return call(plain, toWireMock);
  }
}
