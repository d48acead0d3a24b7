package dev.cassette.benchmarks;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import dev.cassette.okhttp.CassetteInterceptor;
import dev.cassette.server.CassetteServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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
 * Time from starting a call to holding its first server-sent event, while recording and with no
 * recorder at all, against a server (mockwebserver3 on loopback) that sends the headers at once, then an
 * event every 50 ms, the first after 50 ms like a model's first token, 20 in all. A recorder that
 * buffered the whole stream (as go-vcr does) would take the full second; a tee takes what passthrough
 * takes. Each call is canceled after its first event, so the rest is neither read nor recorded.
 *
 * <p>Pairs, each subject in a fork of its own: {@code okhttpPassthrough} and {@code okhttpRecording}
 * ({@link CassetteInterceptor}); {@code jdkPassthrough} and {@code jdkRecording}
 * ({@link CassetteHttpClient}); and {@code serverRecording}, the OkHttp client calling
 * {@link CassetteServer} on loopback, which forwards to the upstream, against {@code okhttpPassthrough},
 * the same client calling the upstream directly.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordFirstEventBenchmark {
  static final int EVENTS = 20;
  static final String EVENT = "data: {\"choices\":[{\"delta\":{\"content\":\"token\"}}]}\n\n";
  static final String PATH = "/v1/chat/completions";

  /** The streaming upstream and a recorder writing into a temporary folder. */
  @State(Scope.Benchmark)
  public abstract static class Subject {
    /** Held so the level set on them sticks: every canceled recording logs why it recorded nothing. */
    private final Logger[] quiet = {
        Logger.getLogger(CassetteInterceptor.class.getName()),
        Logger.getLogger(CassetteHttpClient.class.getPackageName()),
        Logger.getLogger(CassetteServer.class.getPackageName())};
    Path dir;
    MockWebServer upstream;
    Recorder recorder;
    OkHttpClient okhttp;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      for (Logger logger : quiet) logger.setLevel(java.util.logging.Level.OFF);
      dir = Files.createTempDirectory("record-first-event");
      upstream = new MockWebServer();
      upstream.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
              .body(EVENT.repeat(EVENTS))
              .bodyDelay(50, TimeUnit.MILLISECONDS)
              .throttleBody(EVENT.length(), 50, TimeUnit.MILLISECONDS)
              .build();
        }
      });
      upstream.setServerSocketFactory(new NoDelayServerSocketFactory());
      upstream.start(InetAddress.getByName("127.0.0.1"), 0);
      recorder = Recorder.builder(dir.resolve("stream.yaml")).mode(Mode.RECORD_ONLY).build();
      okhttp = new OkHttpClient();
      start();
      String first = firstEvent();
      if (!EVENT.startsWith(first)) throw new IllegalStateException("first event: " + first);
    }

    abstract void start() throws Exception;

    /** The first line of the first event. */
    abstract String firstEvent() throws Exception;

    void stop() {}

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      stop();
      upstream.close();
      okhttp.dispatcher().executorService().shutdown();
      okhttp.connectionPool().evictAll();
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) Files.delete(file);
      }
      Files.delete(dir);
    }

    static String firstEvent(OkHttpClient client, HttpUrl url) throws IOException {
      Call call = client.newCall(new Request.Builder().url(url).build());
      try (Response response = call.execute()) {
        String line = response.body().source().readUtf8LineStrict();
        call.cancel();
        return line;
      }
    }

    static String firstEvent(HttpClient client, URI uri) throws IOException, InterruptedException {
      try (InputStream in = client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofInputStream()).body()) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) line.write(b);
        return line.toString(StandardCharsets.UTF_8);
      }
    }
  }

  public static class OkHttpPassthrough extends Subject {
    HttpUrl url;

    @Override
    void start() {
      url = upstream.url(PATH);
    }

    @Override
    String firstEvent() throws IOException {
      return firstEvent(okhttp, url);
    }
  }

  public static class OkHttpRecording extends Subject {
    OkHttpClient recording;
    HttpUrl url;

    @Override
    void start() {
      recording = okhttp.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
      url = upstream.url(PATH);
    }

    @Override
    String firstEvent() throws IOException {
      return firstEvent(recording, url);
    }
  }

  public static class JdkPassthrough extends Subject {
    HttpClient client;
    URI uri;

    @Override
    void start() {
      client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      uri = upstream.url(PATH).uri();
    }

    @Override
    String firstEvent() throws Exception {
      return firstEvent(client, uri);
    }
  }

  public static class JdkRecording extends Subject {
    HttpClient client;
    URI uri;

    @Override
    void start() {
      client = CassetteHttpClient.wrap(recorder, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      uri = upstream.url(PATH).uri();
    }

    @Override
    String firstEvent() throws Exception {
      return firstEvent(client, uri);
    }
  }

  public static class ServerRecording extends Subject {
    CassetteServer server;
    HttpUrl url;

    @Override
    void start() {
      HttpUrl base = upstream.url("/");
      server = CassetteServer.start(recorder, base.scheme() + "://" + base.host() + ":" + base.port());
      url = HttpUrl.get(server.baseUri() + PATH);
    }

    @Override
    String firstEvent() throws IOException {
      return firstEvent(okhttp, url);
    }

    @Override
    void stop() {
      server.close();
    }
  }

  @Benchmark
  public String okhttpPassthrough(OkHttpPassthrough s) throws Exception {
    return s.firstEvent();
  }

  @Benchmark
  public String okhttpRecording(OkHttpRecording s) throws Exception {
    return s.firstEvent();
  }

  @Benchmark
  public String jdkPassthrough(JdkPassthrough s) throws Exception {
    return s.firstEvent();
  }

  @Benchmark
  public String jdkRecording(JdkRecording s) throws Exception {
    return s.firstEvent();
  }

  @Benchmark
  public String serverRecording(ServerRecording s) throws Exception {
    return s.firstEvent();
  }
}
