package dev.cassette.okhttp;

import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Pacing;
import dev.cassette.core.Recorder;
import dev.cassette.core.Route;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

/**
 * Records OkHttp traffic into a cassette and replays it, as its {@link Recorder} decides per request.
 *
 * <pre>{@code
 * Recorder recorder = Recorder.builder(Path.of("src/test/resources/cassettes/chat.yaml"))
 *     .mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody()).build();
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addInterceptor(new CassetteInterceptor(recorder))
 *     .build();
 * }</pre>
 *
 * <p>Install it as an <em>application</em> interceptor ({@code addInterceptor}). It then sees each call
 * once, as the application made it, and records the final response: after redirects are followed and
 * a gzip body is transparently decompressed. A redirected call is recorded as one interaction, the
 * original request with the final response, and replays without any redirect.
 *
 * <p><b>Replay</b> answers from the cassette without opening a socket; in {@code REPLAY_ONLY} a request
 * that nothing matches fails with {@link NoMatchingInteractionException}, an {@link IOException}, so
 * it surfaces where a network failure would. A {@code text/event-stream} body arrives one event per
 * read, as from a live server. With {@link Pacing#RECORDED} each response waits for its recorded time to
 * headers, at most {@link Pacing#LONGEST_DELAY}. The caller gets every recorded response header, made
 * coherent with the body it gets (see {@code ReplayedResponse}), and, on OkHttp 5, the recorded trailers
 * from {@code Response.trailers()}; OkHttp 4.12 has no public way to give a response trailers, so there
 * they are not replayed.
 *
 * <p><b>Recording</b> streams the body to the caller as it arrives and keeps a copy. The interaction
 * is recorded when the caller reads the body to its end or closes it (a body closed early is read to
 * its end first), so always close response bodies, as OkHttp requires anyway. A call that fails or is
 * canceled before its body ends records nothing; the reason is logged. The response's trailers, which
 * OkHttp has once the body has ended, are recorded with it. Request bodies are read once
 * into memory and sent from that copy, so one-shot bodies work; duplex bodies go to the network untouched
 * and are recorded as empty with unknown length. In {@link Mode#PASSTHROUGH} the interceptor steps aside:
 * requests go out exactly as built.
 */
public final class CassetteInterceptor implements Interceptor {
  private static final System.Logger LOG = System.getLogger(CassetteInterceptor.class.getName());

  private static final long PACING_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Recorder recorder;

  /**
   * @throws IllegalStateException when the OkHttp on the class path is older than 4.12, naming the jar
   *     it came from: cassette uses the project's own OkHttp, so an old one brought by another library
   *     would otherwise fail later with a {@code NoSuchMethodError}
   */
  public CassetteInterceptor(Recorder recorder) {
    OkHttpVersion.require();
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    // Nothing is matched or recorded: the request goes out untouched, its body still streaming.
    if (recorder.mode() == Mode.PASSTHROUGH) return chain.proceed(chain.request());
    LiveRequest live = LiveRequest.capture(chain.request());
    Route route = recorder.route(live.recorded());
    if (route.isReplay()) return replay(chain, route.interaction());
    if (!route.shouldRecord()) return chain.proceed(live.toSend());
    return record(chain, live);
  }

  private Response replay(Chain chain, Interaction interaction) throws IOException {
    // A live call canceled before its response fails so; a replayed one must too.
    if (chain.call().isCanceled()) throw new IOException("Canceled");
    if (recorder.pacing() == Pacing.RECORDED) {
      pace(chain, recorder.pacing().delayOf(interaction.response().duration()).toNanos());
    }
    return ReplayedResponse.build(chain.request(), interaction.response());
  }

  /** Waits the recorded time to headers in short steps, so that canceling the call ends the wait. */
  private static void pace(Chain chain, long nanos) throws IOException {
    long deadline = System.nanoTime() + nanos;
    try {
      for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, PACING_STEP_NANOS));
        if (chain.call().isCanceled()) throw new IOException("Canceled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while pacing a replayed response");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private Response record(Chain chain, LiveRequest live) throws IOException {
    String call = describeForLog(chain.request());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(live.toSend());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cassette: not recording " + call + ": the call failed: " + e);
      throw e;
    }
    long duration = System.nanoTime() - start;
    dev.cassette.core.Response.Builder head = RecordedResponse.head(response, duration);

    ResponseBody body = response.body();
    if (body == null || !promisesBody(live.toSend(), response)) {
      // Nothing will ever be read from it: record now rather than when the caller closes it.
      commit(live, RecordedResponse.complete(head, new byte[0]), call);
      return response;
    }
    TeeSource tee = new TeeSource(body.source(), new TeeSource.Listener() {
      @Override
      public void complete(byte[] bytes) {
        // The body has ended, so the trailers that follow it have arrived.
        commit(live, RecordedResponse.complete(head, bytes, RecordedResponse.trailers(response)), call);
      }

      @Override
      public void failed(IOException cause) {
        LOG.log(Level.WARNING, "cassette: not recording " + call + ": reading the response body failed: " + cause);
      }
    });
    ResponseBody teed = ResponseBody.create(Okio.buffer(tee), body.contentType(), body.contentLength());
    return response.newBuilder().body(teed).build();
  }

  private void commit(LiveRequest live, dev.cassette.core.Response response, String call) {
    try {
      recorder.record(live.recorded(), response);
    } catch (IllegalStateException e) {
      // The recorder was stopped while this exchange was still open: the caller's response must not
      // fail for it, but the missing interaction must not go unnoticed either.
      LOG.log(Level.WARNING, "cassette: not recording " + call + ": " + e.getMessage());
    }
  }

  /**
   * Method and URL without query or user info: logs are not redacted as cassettes are, so nothing that
   * may carry a credential goes into them.
   */
  private static String describeForLog(okhttp3.Request request) {
    HttpUrl url = request.url();
    HttpUrl bare = url.newBuilder().query(null).username("").password("").build();
    return request.method() + " " + bare + (url.encodedQuery() != null ? "?..." : "");
  }

  /** OkHttp's rule for a response that has a body on the wire. */
  private static boolean promisesBody(okhttp3.Request request, Response response) {
    if (request.method().equals("HEAD")) return false;
    int code = response.code();
    if ((code < 100 || code >= 200) && code != 204 && code != 304) {
      return !"0".equals(response.header("Content-Length"));
    }
    return false;
  }
}
