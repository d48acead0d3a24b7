package dev.cassette.core;

/** How fast a replayed response arrives. */
public enum Pacing {
  /** At once: tests stay fast. The default. */
  INSTANT,
  /** After the recorded {@code duration} (time to headers), as go-vcr replays by default. */
  RECORDED
}
