package dev.cassette.examples;

/** What an SDK made of one exchange while recording against the stand-in, and again in replay. */
record Recording<T>(T live, T replayed) {}
