package dev.cassette.core.contract;

import dev.cassette.core.Multimap;
import java.nio.charset.StandardCharsets;

/**
 * What the {@link LoopbackServer} answers to one request.
 *
 * @param chunked sent with {@code Transfer-Encoding: chunked} rather than a {@code Content-Length}
 */
public record Reply(int code, Multimap headers, byte[] body, boolean chunked) {
  public static Reply of(int code, String contentType, String body) {
    return new Reply(code, contentType == null ? Multimap.empty() : Multimap.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8), false);
  }

  public Reply inChunks() {
    return new Reply(code, headers, body, true);
  }
}
