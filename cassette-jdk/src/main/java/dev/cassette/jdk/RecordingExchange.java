package dev.cassette.jdk;

import dev.cassette.core.Recorder;
import dev.cassette.core.Response;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live exchange being recorded: it times the response headers, tees the body into a copy and hands
 * the finished interaction to the {@link Recorder}, or logs why it did not, once.
 */
final class RecordingExchange {
  private static final System.Logger LOG = System.getLogger(CassetteHttpClient.class.getName());

  private final Recorder recorder;
  private final LiveRequest live;
  private final String call;
  private final long start = System.nanoTime();
  private final AtomicBoolean finished = new AtomicBoolean();

  RecordingExchange(Recorder recorder, LiveRequest live) {
    this.recorder = recorder;
    this.live = live;
    this.call = describeForLog(live.toSend());
  }

  /** The caller's handler, its subscriber teed: what the real client is given. */
  <T> BodyHandler<T> handler(BodyHandler<T> caller) {
    return info -> {
      Response.Builder head = RecordedResponse.head(info, live.toSend().method(), System.nanoTime() - start);
      return new TeeSubscriber<>(caller.apply(info), new TeeSubscriber.Listener() {
        @Override
        public void complete(byte[] body) {
          commit(RecordedResponse.complete(head, body));
        }

        @Override
        public void notRecorded(String why) {
          RecordingExchange.this.notRecorded(why);
        }
      });
    };
  }

  /** Logs that this exchange is not recorded, and why; only the first reason counts. */
  void notRecorded(String why) {
    if (finished.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "cassette: not recording " + call + ": " + why);
    }
  }

  private void commit(Response response) {
    if (!finished.compareAndSet(false, true)) return;
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
  static String describeForLog(HttpRequest request) {
    URI uri = request.uri();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return request.method() + " " + uri.getScheme() + "://" + uri.getHost() + port + path
        + (uri.getRawQuery() != null ? "?..." : "");
  }
}
