package dev.cassette.jdk;

import java.net.http.HttpClient;

/**
 * Translates between java.net.http's {@link HttpClient.Version} and the {@code proto} text Go writes into
 * cassettes: Go's HTTP/2 transport sets {@code Proto} to {@code HTTP/2.0} (major 2, minor 0).
 */
final class ProtocolText {
  private ProtocolText() {}

  /** The cassette's {@code proto} for a version the client negotiated. */
  static String of(HttpClient.Version version) {
    return version == HttpClient.Version.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1";
  }

  /**
   * The version a recorded {@code proto} replays as. java.net.http knows only HTTP/1.1 and HTTP/2, so an
   * HTTP/1.0 recording replays as HTTP/1.1 and an HTTP/3 one as HTTP/2, the closest versions it has.
   */
  static HttpClient.Version toVersion(int protoMajor, String proto) {
    boolean two = protoMajor >= 2 || proto.startsWith("HTTP/2") || proto.startsWith("HTTP/3");
    return two ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
  }
}
