package dev.cassette.core;

import java.util.Objects;

/**
 * One recorded request and the response it got. A cassette numbers its interactions by position
 * ({@code id} 0 to n-1 in the file), so an interaction carries no id of its own.
 */
public final class Interaction {
  private final Request request;
  private final Response response;

  private Interaction(Request request, Response response) {
    this.request = Objects.requireNonNull(request, "request");
    this.response = Objects.requireNonNull(response, "response");
  }

  public static Interaction of(Request request, Response response) {
    return new Interaction(request, response);
  }

  public Request request() {
    return request;
  }

  public Response response() {
    return response;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interaction i && request.equals(i.request) && response.equals(i.response);
  }

  @Override
  public int hashCode() {
    return Objects.hash(request, response);
  }

  @Override
  public String toString() {
    return request + " -> " + response.code();
  }
}
