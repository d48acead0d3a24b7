package dev.cassette.junit5;

import dev.cassette.server.CassetteServer;
import java.util.Map;

/**
 * Injects a {@link CassetteServer} standing in for the test's {@code @UseCassette(upstream)}, for
 * clients that can be wired only through a base URL. The server is closed when the test ends, before its
 * cassette is saved, so that requests still in flight are recorded. Names cassette-server, loaded only
 * when a test asks for a server.
 */
final class ServerAdapter implements ClientAdapter {
  /** For {@link CassetteClients}, which creates it by name. */
  ServerAdapter() {}

  @Override
  public Map<Class<?>, Object> wire(Wiring wiring) {
    if (wiring.upstream().isEmpty()) {
      throw new IllegalArgumentException("a CassetteServer parameter needs the service it stands in for:"
          + " add @UseCassette(upstream = \"https://api.example.com\") with the base URL the client would"
          + " use without the server");
    }
    CassetteServer server = CassetteServer.start(wiring.recorder(), wiring.upstream());
    wiring.closeAfterTest().accept(server);
    return Map.of(CassetteServer.class, server);
  }
}
