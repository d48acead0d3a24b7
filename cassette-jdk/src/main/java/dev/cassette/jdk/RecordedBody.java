package dev.cassette.jdk;

import dev.cassette.core.ServerSentEvents;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a recorded body to a caller's {@link BodySubscriber} as the real client would: only as much as
 * the subscriber requested, then {@code onComplete}. A {@code text/event-stream} body arrives one event
 * per {@code onNext}, as a live server's flushes do (see {@link ServerSentEvents}); any other body arrives
 * whole in one {@code onNext}. Items are delivered on the thread that requests them, so a caller reading
 * an {@code ofInputStream} body reads it on its own thread, and nothing is left running afterwards.
 */
final class RecordedBody implements Flow.Subscription {
  private final BodySubscriber<?> subscriber;
  private final byte[] bytes;
  /** Where each item ends; item i spans [ends[i-1], ends[i]). */
  private final int[] ends;
  private final AtomicLong demand = new AtomicLong();
  /** Counts drain requests; only the caller that raises it from zero drains, so onNext never recurses. */
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean canceled;
  private int next;
  private boolean completed;
  private Throwable badRequest;

  private RecordedBody(BodySubscriber<?> subscriber, byte[] bytes, boolean eventStream) {
    this.subscriber = subscriber;
    this.bytes = bytes;
    this.ends = eventStream ? eventEnds(bytes) : bytes.length == 0 ? new int[0] : new int[] {bytes.length};
  }

  /** Subscribes {@code subscriber} to {@code bytes}; an empty body completes at once. */
  static void deliver(BodySubscriber<?> subscriber, byte[] bytes, boolean eventStream) {
    RecordedBody body = new RecordedBody(subscriber, bytes, eventStream);
    subscriber.onSubscribe(body);
    body.drain();
  }

  private static int[] eventEnds(byte[] bytes) {
    int[] ends = new int[16];
    int count = 0;
    for (int from = 0; from < bytes.length; ) {
      from = ServerSentEvents.eventEnd(bytes, from);
      if (count == ends.length) ends = Arrays.copyOf(ends, count * 2);
      ends[count++] = from;
    }
    return Arrays.copyOf(ends, count);
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      // Reactive Streams rule 3.9: a non-positive request is an error signalled to the subscriber.
      badRequest = new IllegalArgumentException("non-positive request: " + n);
      canceled = true;
    } else {
      demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
    }
    drain();
  }

  @Override
  public void cancel() {
    canceled = true;
  }

  private void drain() {
    if (pending.getAndIncrement() != 0) return;
    do {
      if (badRequest != null && !completed) {
        completed = true;
        subscriber.onError(badRequest);
      }
      while (!canceled && next < ends.length && demand.get() > 0) {
        int from = next == 0 ? 0 : ends[next - 1];
        int to = ends[next++];
        demand.decrementAndGet();
        // A view, not a copy: the bytes are this body's own copy, and items do not overlap.
        subscriber.onNext(List.of(ByteBuffer.wrap(bytes, from, to - from).slice()));
      }
      if (!canceled && !completed && next == ends.length) {
        completed = true;
        subscriber.onComplete();
      }
    } while (pending.decrementAndGet() != 0);
  }
}
