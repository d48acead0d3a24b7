package dev.cassette.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads a request's {@link BodyPublisher} to its end, once, so the same bytes can be both recorded and
 * sent. One-shot publishers (an {@code InputStream}, a caller's own {@code Flow.Publisher}) can be read
 * only once, which is why the adapter sends the copy rather than the original.
 */
final class BodyBytes implements Flow.Subscriber<ByteBuffer> {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> done = new CompletableFuture<>();

  private BodyBytes() {}

  /**
   * The publisher's bytes, when it completes; fails with the publisher's error, as an
   * {@link IOException} (java.net.http reports a failing body publisher as one too).
   */
  static CompletableFuture<byte[]> read(BodyPublisher publisher) {
    BodyBytes subscriber = new BodyBytes();
    try {
      publisher.subscribe(subscriber);
    } catch (RuntimeException e) {
      subscriber.onError(e);
    }
    return subscriber.done;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ByteBuffer item) {
    synchronized (bytes) {
      if (item.hasArray()) {
        bytes.write(item.array(), item.arrayOffset() + item.position(), item.remaining());
      } else {
        byte[] chunk = new byte[item.remaining()];
        item.duplicate().get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }
  }

  @Override
  public void onError(Throwable error) {
    done.completeExceptionally(error instanceof IOException
        ? error : new IOException("reading the request body failed: " + error, error));
  }

  @Override
  public void onComplete() {
    synchronized (bytes) {
      done.complete(bytes.toByteArray());
    }
  }
}
