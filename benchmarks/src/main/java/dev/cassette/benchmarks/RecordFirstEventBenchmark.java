package dev.cassette.benchmarks;

import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
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
 * recorder at all, against a server that sends an event every 50 ms. A recorder that buffered the whole
 * stream (as go-vcr does) would take the full stream's time; a tee takes what passthrough takes.
 * Each call is canceled after its first event, so the rest of the stream is neither read nor recorded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordFirstEventBenchmark {
  static final int EVENTS = 20;
  static final String EVENT = "data: {\"choices\":[{\"delta\":{\"content\":\"token\"}}]}\n\n";

  /** Held so the level set on it sticks: every canceled recording logs why it recorded nothing. */
  private final java.util.logging.Logger interceptorLog =
      java.util.logging.Logger.getLogger(CassetteInterceptor.class.getName());
  private Path dir;
  private MockWebServer server;
  private Recorder recorder;
  private OkHttpClient passthrough;
  private OkHttpClient recording;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    interceptorLog.setLevel(java.util.logging.Level.OFF);
    dir = Files.createTempDirectory("record-first-event");
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
            .body(EVENT.repeat(EVENTS))
            // Headers at once, then an event every 50 ms, the first after 50 ms as a model's first token.
            .bodyDelay(50, TimeUnit.MILLISECONDS)
            .throttleBody(EVENT.length(), 50, TimeUnit.MILLISECONDS)
            .build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    recorder = Recorder.builder(dir.resolve("stream.yaml")).mode(Mode.RECORD_ONLY)
        .matcher(Matchers.methodUrlBody()).build();
    passthrough = new OkHttpClient();
    recording = passthrough.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
    request = new Request.Builder().url(server.url("/v1/chat/completions")).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    server.close();
    passthrough.dispatcher().executorService().shutdown();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) Files.delete(file);
    }
    Files.delete(dir);
  }

  static String firstEvent(OkHttpClient client, Request request) throws IOException {
    Call call = client.newCall(request);
    try (Response response = call.execute()) {
      String line = response.body().source().readUtf8LineStrict();
      call.cancel();
      return line;
    }
  }

  @Benchmark
  public String passthrough() throws IOException {
    return firstEvent(passthrough, request);
  }

  @Benchmark
  public String recording() throws IOException {
    return firstEvent(recording, request);
  }
}
