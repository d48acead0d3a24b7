package dev.cassette.jdk;

import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Pacing;
import dev.cassette.core.Recorder;
import dev.cassette.core.Route;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@link java.net.http.HttpClient} that records its traffic into a cassette and replays it, as its
 * {@link Recorder} decides per request. java.net.http has no interceptors, so this is a client that wraps
 * the real one; code that takes an {@code HttpClient} takes it unchanged:
 *
 * <pre>{@code
 * Recorder recorder = Recorder.builder(Path.of("src/test/resources/cassettes/chat.yaml")).build();
 * HttpClient client = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
 * // frameworks that build their own client take a builder instead, e.g. LangChain4j:
 * //   JdkHttpClient.builder().httpClientBuilder(CassetteHttpClient.newBuilder(recorder))
 * }</pre>
 *
 * <p>It keeps the contract of {@code dev.cassette.okhttp.CassetteInterceptor}: the same recorder, modes,
 * matching and redaction, and the same cassette for the same exchange, for {@link #send} and
 * {@link #sendAsync} with any {@link BodyHandler} and any {@link HttpRequest.BodyPublisher}.
 *
 * <p><b>Replay</b> answers from the cassette without opening a socket: the caller's body handler gets the
 * recorded status, every recorded header and the version ({@code HTTP/2.0} recordings replay as
 * {@link HttpClient.Version#HTTP_2}), and its subscriber gets the recorded bytes as it requests them; a
 * {@code text/event-stream} body arrives one event per {@code onNext}, as from a live server. The
 * response's {@code request()} and {@code uri()} are the caller's. In {@link Mode#REPLAY_ONLY} a request
 * that nothing matches fails with {@link NoMatchingInteractionException}, an {@link IOException}: thrown by
 * {@code send}, the cause of {@code sendAsync}'s failed future, where a network failure would be. With
 * {@link Pacing#RECORDED} each response waits for its recorded time to headers, at most
 * {@link Pacing#LONGEST_DELAY}.
 *
 * <p><b>Recording</b> streams the body to the caller's subscriber as it arrives and keeps a copy; the
 * interaction is recorded when the body completes, before the caller hears of the end. An exchange that
 * fails, or whose body the caller cancels (closing an {@code ofInputStream} stream early), records nothing;
 * the reason is logged. A request body is read once into memory and sent from that copy, so one-shot
 * publishers work and the bytes recorded are the bytes sent; a body of unknown length still goes out
 * chunked. java.net.http neither follows redirects by default nor decompresses, so unless the wrapped
 * client follows them each hop is an interaction of its own, and a gzip body is recorded as sent.
 *
 * <p><b>Not recorded:</b> {@link #newWebSocketBuilder()} is passed to the wrapped client, so WebSockets go
 * to the network in every mode. Server push promises are passed to the caller's
 * {@link PushPromiseHandler} while recording; pushed responses are not recorded, and a replay pushes
 * nothing. In {@link Mode#PASSTHROUGH} this client steps aside: requests go to the wrapped client exactly
 * as built.
 *
 * <p>Everything else ({@link #version()}, {@link #executor()}, timeouts, proxy, TLS, cookies,
 * authenticator, and on Java 21 {@code shutdown}/{@code close}) is the wrapped client's.
 */
public final class CassetteHttpClient extends HttpClient {
  private final Recorder recorder;
  private final HttpClient delegate;

  private CassetteHttpClient(Recorder recorder, HttpClient delegate) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** A client that records and replays through {@code recorder}, sending live requests with {@code delegate}. */
  public static HttpClient wrap(Recorder recorder, HttpClient delegate) {
    return new CassetteHttpClient(recorder, delegate);
  }

  /**
   * A builder whose {@code build()} gives a client wrapped for {@code recorder}: every setting goes to
   * {@link HttpClient#newBuilder()}'s builder, which builds the real client. For frameworks that take a
   * builder rather than a client.
   */
  public static HttpClient.Builder newBuilder(Recorder recorder) {
    return newBuilder(recorder, HttpClient.newBuilder());
  }

  /** As {@link #newBuilder(Recorder)}, with the caller's own builder for the real client. */
  public static HttpClient.Builder newBuilder(Recorder recorder, HttpClient.Builder delegate) {
    return new CassetteHttpClientBuilder(Objects.requireNonNull(recorder, "recorder"),
        Objects.requireNonNull(delegate, "delegate"));
  }

  /** The recorder that decides what this client does with each request. */
  public Recorder recorder() {
    return recorder;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws IOException, InterruptedException {
    Objects.requireNonNull(handler, "handler");
    if (recorder.mode() == Mode.PASSTHROUGH) return delegate.send(request, handler);
    LiveRequest live = await(LiveRequest.capture(request));
    Route route = recorder.route(live.recorded());
    if (route.isReplay()) {
      Interaction interaction = route.interaction();
      long delay = recorder.pacing().delayOf(interaction.response().duration()).toNanos();
      if (delay > 0) TimeUnit.NANOSECONDS.sleep(delay);
      return await(ReplayedResponse.replay(request, interaction.response(), handler));
    }
    if (!route.shouldRecord()) return delegate.send(live.toSend(), handler);
    RecordingExchange exchange = new RecordingExchange(recorder, live);
    try {
      return delegate.send(live.toSend(), exchange.handler(handler));
    } catch (IOException | InterruptedException | RuntimeException e) {
      exchange.notRecorded("the call failed: " + e);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler, PushPromiseHandler<T> pushPromiseHandler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    if (recorder.mode() == Mode.PASSTHROUGH) return delegate.sendAsync(request, handler, pushPromiseHandler);
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    LiveRequest.capture(request).whenComplete((live, captureFailed) -> {
      if (captureFailed != null) {
        result.completeExceptionally(unwrap(captureFailed));
        return;
      }
      try {
        Route route = recorder.route(live.recorded());
        if (route.isReplay()) {
          replayAsync(request, route.interaction(), handler, result);
        } else if (!route.shouldRecord()) {
          forward(delegate.sendAsync(live.toSend(), handler, pushPromiseHandler), result);
        } else {
          RecordingExchange exchange = new RecordingExchange(recorder, live);
          CompletableFuture<HttpResponse<T>> sent =
              delegate.sendAsync(live.toSend(), exchange.handler(handler), pushPromiseHandler);
          sent.whenComplete((response, failed) -> {
            if (failed != null) exchange.notRecorded("the call failed: " + unwrap(failed));
          });
          forward(sent, result);
        }
      } catch (NoMatchingInteractionException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private <T> void replayAsync(HttpRequest request, Interaction interaction, BodyHandler<T> handler,
      CompletableFuture<HttpResponse<T>> result) {
    Runnable replay = () -> {
      try {
        forward(ReplayedResponse.replay(request, interaction.response(), handler), result);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    long nanos = recorder.pacing().delayOf(interaction.response().duration()).toNanos();
    if (nanos > 0) {
      Optional<Executor> executor = delegate.executor();
      Executor later = executor.isPresent()
          ? CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor.get())
          : CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS);
      later.execute(replay);
    } else {
      replay.run();
    }
  }

  /**
   * Completes {@code result} as {@code source} completes, with the cause itself rather than a
   * {@link CompletionException} (as java.net.http's own futures fail); canceling {@code result} cancels
   * {@code source}, which aborts a live exchange.
   */
  private static <T> void forward(CompletableFuture<T> source, CompletableFuture<T> result) {
    source.whenComplete((value, failed) -> {
      if (failed != null) {
        result.completeExceptionally(unwrap(failed));
      } else {
        result.complete(value);
      }
    });
    result.whenComplete((value, failed) -> {
      if (failed instanceof CancellationException) source.cancel(true);
    });
  }

  private static Throwable unwrap(Throwable failed) {
    while ((failed instanceof CompletionException || failed instanceof ExecutionException)
        && failed.getCause() != null) {
      failed = failed.getCause();
    }
    return failed;
  }

  /** Waits for {@code future}, failing as {@code send} does: an {@link IOException} or an unchecked one. */
  private static <T> T await(CompletableFuture<T> future) throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException runtime) throw runtime;
      if (cause instanceof Error error) throw error;
      throw new IOException(cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  /** Passed to the wrapped client: WebSockets are not recorded and go to the network in every mode. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  // Java 21 made HttpClient closeable. These override its methods there (this module compiles for 17,
  // where they are plain methods) and pass each call to the wrapped client, whose resources they are.

  /** Java 21's {@code HttpClient.shutdown()}, passed to the wrapped client; does nothing before Java 21. */
  public void shutdown() {
    JavaLifecycle.invoke(delegate, "shutdown");
  }

  /** Java 21's {@code HttpClient.shutdownNow()}, passed to the wrapped client; does nothing before Java 21. */
  public void shutdownNow() {
    JavaLifecycle.invoke(delegate, "shutdownNow");
  }

  /** Java 21's {@code HttpClient.isTerminated()} of the wrapped client; false before Java 21. */
  public boolean isTerminated() {
    return Boolean.TRUE.equals(JavaLifecycle.invoke(delegate, "isTerminated"));
  }

  /** Java 21's {@code HttpClient.awaitTermination(Duration)} of the wrapped client; false before Java 21. */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return Boolean.TRUE.equals(JavaLifecycle.awaitTermination(delegate, duration));
  }

  /**
   * Java 21's {@code HttpClient.close()}, passed to the wrapped client; does nothing before Java 21. The
   * recorder is not stopped: it may serve other clients, and its owner saves it with {@link Recorder#stop()}.
   */
  public void close() {
    JavaLifecycle.invoke(delegate, "close");
  }

  @Override
  public String toString() {
    return "CassetteHttpClient(" + recorder + ", " + delegate + ")";
  }
}
