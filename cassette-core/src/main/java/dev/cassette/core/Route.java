package dev.cassette.core;

/**
 * A {@link Recorder}'s answer for one live request: replay a recorded interaction, or send the request to
 * the network and say whether to record what comes back. HTTP client adapters act on it.
 */
public final class Route {
  private static final Route RECORD = new Route(null, true);
  private static final Route PASS = new Route(null, false);

  private final Interaction interaction;
  private final boolean record;

  private Route(Interaction interaction, boolean record) {
    this.interaction = interaction;
    this.record = record;
  }

  /** Answer the request with this recorded interaction's response. */
  public static Route replay(Interaction interaction) {
    return new Route(interaction, false);
  }

  /** Send the request to the network; record the exchange if {@code record}. */
  public static Route network(boolean record) {
    return record ? RECORD : PASS;
  }

  public boolean isReplay() {
    return interaction != null;
  }

  /** The interaction to replay, or null when the request goes to the network. */
  public Interaction interaction() {
    return interaction;
  }

  /** True when the request goes to the network and the exchange must be passed to {@link Recorder#record}. */
  public boolean shouldRecord() {
    return record;
  }
}
