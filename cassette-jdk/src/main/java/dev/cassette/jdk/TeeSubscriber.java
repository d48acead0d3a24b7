package dev.cassette.jdk;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Passes a response body through to the caller's subscriber as it arrives while keeping a copy, so a
 * recorded stream reaches the caller as fast as it would without recording. When the body ends, the copy
 * goes to {@link Listener#complete} before the caller hears of the end, so a response the caller has
 * finished reading is already in the cassette. A body that fails, or that the caller cancels (closing an
 * {@code ofInputStream} stream early, say), goes to {@link Listener#notRecorded} instead.
 */
final class TeeSubscriber<T> implements BodySubscriber<T> {
  /** Hears how the body ended; called at most once, with exactly one of the two methods. */
  interface Listener {
    void complete(byte[] body);

    void notRecorded(String why);
  }

  private final BodySubscriber<T> caller;
  private final Listener listener;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
  private boolean finished;

  TeeSubscriber(BodySubscriber<T> caller, Listener listener) {
    this.caller = caller;
    this.listener = listener;
  }

  @Override
  public CompletionStage<T> getBody() {
    return caller.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    caller.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        subscription.request(n);
      }

      @Override
      public void cancel() {
        finish(null, "the caller canceled the response body before its end");
        subscription.cancel();
      }
    });
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    synchronized (this) {
      if (!finished) {
        for (ByteBuffer item : items) {
          ByteBuffer view = item.duplicate();
          byte[] chunk = new byte[view.remaining()];
          view.get(chunk);
          copy.write(chunk, 0, chunk.length);
        }
      }
    }
    caller.onNext(items);
  }

  @Override
  public void onError(Throwable error) {
    finish(null, "reading the response body failed: " + error);
    caller.onError(error);
  }

  @Override
  public void onComplete() {
    byte[] body;
    synchronized (this) {
      body = finished ? null : copy.toByteArray();
    }
    if (body != null) finish(body, null);
    caller.onComplete();
  }

  private void finish(byte[] body, String whyNot) {
    synchronized (this) {
      if (finished) return;
      finished = true;
      copy.reset();
    }
    if (body != null) {
      listener.complete(body);
    } else {
      listener.notRecorded(whyNot);
    }
  }
}
