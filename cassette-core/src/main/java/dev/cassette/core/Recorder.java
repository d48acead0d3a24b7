package dev.cassette.core;

import java.nio.file.Path;
import java.util.List;

/**
 * Records HTTP interactions into a cassette file and replays them, independent of any HTTP client.
 * Client adapters (such as {@code dev.cassette.okhttp.CassetteInterceptor}) ask {@link #route(Request)}
 * what to do with each request and hand recorded exchanges to {@link #record(Request, Response)}.
 *
 * <p>Thread-safe. {@link #stop()} (or {@link #close()}) saves as the {@link Mode} says.
 */
public final class Recorder implements AutoCloseable {
  private Recorder() {}

  /** A builder for a recorder on this cassette file. */
  public static Builder builder(Path cassetteFile) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The cassette file. */
  public Path path() {
    throw new UnsupportedOperationException("TODO");
  }

  public Mode mode() {
    throw new UnsupportedOperationException("TODO");
  }

  public Pacing pacing() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * True when unmatched requests go to the real network and are recorded: tests use it to pass real
   * credentials only while recording.
   */
  public boolean isRecording() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Decides what to do with a live request.
   *
   * @throws NoMatchingInteractionException when the mode allows only replay and nothing matches
   */
  public Route route(Request request) throws NoMatchingInteractionException {
    throw new UnsupportedOperationException("TODO");
  }

  /** Adds a completed live exchange to the cassette, after redaction. */
  public void record(Request request, Response response) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Recorded interactions that were loaded from the file and never replayed. */
  public List<Interaction> unusedInteractions() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The cassette as it stands now: loaded interactions plus those recorded so far. */
  public Cassette cassette() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stops recording and saves the cassette as the mode says. Idempotent. */
  public void stop() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  public static final class Builder {
    private Builder() {}

    public Builder mode(Mode mode) { throw new UnsupportedOperationException("TODO"); }
    public Builder matcher(Matcher matcher) { throw new UnsupportedOperationException("TODO"); }
    public Builder allowRepeats(boolean allowRepeats) { throw new UnsupportedOperationException("TODO"); }
    public Builder redaction(Redaction redaction) { throw new UnsupportedOperationException("TODO"); }
    public Builder pacing(Pacing pacing) { throw new UnsupportedOperationException("TODO"); }

    /**
     * @throws CassetteNotFoundException in {@link Mode#REPLAY_ONLY} when the file does not exist
     * @throws CassetteFormatException when the file exists and cannot be read
     */
    public Recorder build() { throw new UnsupportedOperationException("TODO"); }
  }
}
