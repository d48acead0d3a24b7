package dev.cassette.benchmarks;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One recorded exchange every replay subject serves, so that all of them answer the same request with
 * the same bytes:
 *
 * <ul>
 *   <li>{@code sse}: the seed cassette's interaction ({@code fixtures/huggingface/multi_tool_streaming.yaml},
 *       packed into the jar): an 879-byte JSON request with two tool schemas, answered by a 6.2 KB
 *       {@code text/event-stream};
 *   <li>{@code json}: a plain chat completion, a 187-byte request answered by 586 bytes of JSON.
 * </ul>
 */
final class Payload {
  static final String SEED = "multi_tool_streaming.yaml";
  static final String JSON_REQUEST = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":"
      + "\"Reply very tersely.\"},{\"role\":\"user\",\"content\":\"What is the capital of France? One word.\"}],"
      + "\"temperature\":0,\"max_tokens\":16}";
  static final String JSON_RESPONSE = "{\"id\":\"chatcmpl-AbC123xyz45678\",\"object\":\"chat.completion\","
      + "\"created\":1764576000,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"It is Paris.\",\"refusal\":null,\"annotations\":[]},"
      + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":27,\"completion_tokens\":2,"
      + "\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
      + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
      + "\"system_fingerprint\":\"fp_560af6e559\"}";

  final String name;
  /** The recorded request's full URL. */
  final String url;
  final byte[] requestBody;
  final String requestContentType;
  final byte[] responseBody;
  final String responseContentType;
  /** A cassette holding just this exchange. */
  final Cassette cassette;

  private Payload(String name, Interaction interaction) {
    this.name = name;
    Request request = interaction.request();
    Response response = interaction.response();
    this.url = request.url();
    this.requestBody = request.body().bytes();
    this.requestContentType = request.headers().firstIgnoreCase("Content-Type");
    this.responseBody = response.body().bytes();
    this.responseContentType = response.headers().firstIgnoreCase("Content-Type");
    this.cassette = Cassette.builder().add(interaction).build();
  }

  /** The payload a benchmark's {@code payload} parameter names: {@code sse} or {@code json}. */
  static Payload named(String name) {
    return switch (name) {
      case "sse" -> new Payload(name, seed().interactions().get(0));
      case "json" -> new Payload(name, Interaction.of(
          Request.builder().method("POST").url("https://api.openai.com/v1/chat/completions")
              .headers(Multimap.of("Content-Type", "application/json"))
              .contentLength(JSON_REQUEST.length()).body(JSON_REQUEST).build(),
          Response.builder().protocol("HTTP/2.0").code(200).status("200 OK")
              .headers(Multimap.of("Content-Type", "application/json"))
              .contentLength(JSON_RESPONSE.length()).body(JSON_RESPONSE).build()));
      default -> throw new IllegalArgumentException("payload " + name + ": expected sse or json");
    };
  }

  private static Cassette seed() {
    try (InputStream in = Payload.class.getResourceAsStream("/" + SEED)) {
      if (in == null) throw new IllegalStateException(SEED + " is not in the jar: rebuild with mvn -Pbenchmarks package");
      return Cassette.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL's scheme and authority: what a server standing in for the service forwards to. */
  String origin() {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The URL's path and query, as a client sends it to a server standing in for the service. */
  String pathAndQuery() {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** Fails setup when a subject answers with anything but this payload's response body. */
  void check(String subject, byte[] got) {
    if (!java.util.Arrays.equals(responseBody, got)) {
      throw new IllegalStateException(subject + " answered " + got.length + " bytes, not the " + name
          + " payload's " + responseBody.length + ": it would be measured doing something else");
    }
  }
}
