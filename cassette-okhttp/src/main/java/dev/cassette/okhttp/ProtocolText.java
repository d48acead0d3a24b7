package dev.cassette.okhttp;

import okhttp3.Protocol;

/**
 * Translates between OkHttp's {@link Protocol} and the {@code proto} text Go writes into cassettes
 * ({@code HTTP/1.1}, {@code HTTP/2.0}). OkHttp names HTTP/2 {@code h2}; Go names it {@code HTTP/2.0}.
 */
final class ProtocolText {
  private ProtocolText() {}

  /** The cassette's {@code proto} for a protocol OkHttp negotiated. */
  static String of(Protocol protocol) {
    // Compared by name: HTTP_3 exists only in OkHttp 5, and this module also runs on 4.12.
    switch (protocol.toString()) {
      case "http/1.0":
        return "HTTP/1.0";
      case "h2":
      case "h2_prior_knowledge":
        return "HTTP/2.0";
      case "h3":
      case "quic":
        return "HTTP/3.0";
      default:
        return "HTTP/1.1";
    }
  }

  /**
   * The OkHttp protocol for a recorded {@code proto}. HTTP/3 recordings replay as {@code h2}, the
   * closest protocol OkHttp 4.12 knows; both have no reason phrase and multiplex streams.
   */
  static Protocol toProtocol(String proto, int major, int minor) {
    if (major >= 2 || proto.startsWith("HTTP/2") || proto.startsWith("HTTP/3")) return Protocol.HTTP_2;
    if (major == 1 && minor == 0 || proto.equals("HTTP/1.0")) return Protocol.HTTP_1_0;
    return Protocol.HTTP_1_1;
  }
}
