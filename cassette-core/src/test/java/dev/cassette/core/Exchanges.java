package dev.cassette.core;

/** Small requests, responses and cassettes for recorder tests. */
final class Exchanges {
  private Exchanges() {}

  static Request get(String url) {
    return Request.builder().method("GET").url(url).build();
  }

  static Request post(String url, String body) {
    return Request.builder().method("POST").url(url).body(body).contentLength(body.length())
        .headers(Multimap.of("Content-Type", "application/json")).build();
  }

  static Response ok(String body) {
    return Response.builder().code(200).body(body).headers(Multimap.of("Content-Type", "text/plain")).build();
  }

  static Interaction interaction(Request request, String responseBody) {
    return Interaction.of(request, ok(responseBody));
  }

  static Cassette cassette(Interaction... interactions) {
    Cassette.Builder b = Cassette.builder();
    for (Interaction i : interactions) b.add(i);
    return b.build();
  }
}
