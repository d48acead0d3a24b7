package dev.cassette.core;

/**
 * What a {@link Recorder} does with the network and the cassette file: go-vcr's five modes.
 *
 * <table>
 *   <caption>Mode semantics</caption>
 *   <tr><th>mode</th><th>file missing</th><th>file present</th><th>unmatched request</th><th>saved at stop</th></tr>
 *   <tr><td>{@link #RECORD_ONLY}</td><td>new</td><td>ignored, overwritten</td><td>network, recorded</td><td>always</td></tr>
 *   <tr><td>{@link #REPLAY_ONLY}</td><td>error</td><td>loaded</td><td>error, no network</td><td>never</td></tr>
 *   <tr><td>{@link #REPLAY_WITH_NEW_EPISODES}</td><td>new</td><td>loaded</td><td>network, recorded, appended</td><td>always</td></tr>
 *   <tr><td>{@link #RECORD_ONCE}</td><td>new, records everything</td><td>loaded, replay only</td><td>file missing: network, recorded; present: error, no network</td><td>only if the file did not exist</td></tr>
 *   <tr><td>{@link #PASSTHROUGH}</td><td>-</td><td>not loaded</td><td>network, nothing recorded</td><td>never</td></tr>
 * </table>
 */
public enum Mode {
  RECORD_ONLY("record"),
  REPLAY_ONLY("replay"),
  REPLAY_WITH_NEW_EPISODES("new-episodes"),
  RECORD_ONCE("once"),
  PASSTHROUGH("passthrough");

  private final String shortName;

  Mode(String shortName) {
    this.shortName = shortName;
  }

  /** The name used in system properties and environment variables, e.g. {@code new-episodes}. */
  public String shortName() {
    return shortName;
  }

  /**
   * The mode for a short name ({@code record}, {@code replay}, {@code new-episodes}, {@code once},
   * {@code passthrough}) or a constant name ({@code REPLAY_ONLY}), ignoring case.
   *
   * @throws IllegalArgumentException naming the valid names
   */
  public static Mode fromName(String name) {
    String wanted = name.strip();
    for (Mode mode : values()) {
      if (mode.shortName.equalsIgnoreCase(wanted) || mode.name().equalsIgnoreCase(wanted)) return mode;
    }
    throw new IllegalArgumentException("unknown cassette mode '" + name
        + "': use one of record, replay, new-episodes, once, passthrough");
  }
}
