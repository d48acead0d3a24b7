package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import dev.cassette.core.Route;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Serves one request: asks the {@link Recorder} what to do with the upstream request it stands for, then
 * replays the recorded answer, forwards and records, or refuses with the recorder's no-match report.
 */
final class ExchangeHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());

  private final Recorder recorder;
  private final Upstream upstream;
  private final Forwarding forwarding;
  private final InFlight inFlight;

  ExchangeHandler(Recorder recorder, Upstream upstream, Forwarding forwarding, InFlight inFlight) {
    this.recorder = recorder;
    this.upstream = upstream;
    this.forwarding = forwarding;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.enter();
    try {
      serve(exchange);
    } catch (IOException e) {
      // The client went away, or the upstream failed mid-body: the response cannot be completed.
      LOG.log(Level.DEBUG, "cassette-server: " + exchange.getRequestMethod() + " ended early: " + e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "cassette-server: " + exchange.getRequestMethod() + " failed", e);
    } finally {
      exchange.close();
      inFlight.exit();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    IncomingRequest request = IncomingRequest.read(exchange, upstream);
    Route route;
    try {
      // As the interceptor does, passthrough consults nothing.
      route = recorder.mode() == Mode.PASSTHROUGH ? Route.network(false) : recorder.route(request.recorded());
    } catch (NoMatchingInteractionException e) {
      Refusal.send(exchange, Refusal.NO_MATCH, e.getMessage());
      return;
    } catch (IllegalStateException e) {
      Refusal.send(exchange, Refusal.NO_MATCH, "cassette-server: " + e.getMessage());
      return;
    }
    if (route.isReplay()) {
      Replay.send(exchange, route.interaction().response(), recorder.pacing());
    } else {
      forwarding.forward(exchange, request, route.shouldRecord());
    }
  }
}
