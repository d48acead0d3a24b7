package dev.cassette.server;

import java.util.concurrent.TimeUnit;

/**
 * Counts the exchanges being served, so that closing the server lets them finish (and record) first.
 * The JDK server's own {@code stop(delay)} cannot be used for that: on Java 17 it waits the whole delay
 * even when nothing is in flight.
 */
final class InFlight {
  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void exit() {
    count--;
    if (count == 0) notifyAll();
  }

  /** Waits until no exchange is in flight, or the timeout passes; true when none is. */
  synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
