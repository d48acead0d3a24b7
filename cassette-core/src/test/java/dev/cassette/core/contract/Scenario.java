package dev.cassette.core.contract;

import dev.cassette.core.Multimap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One exchange of the adapter contract: the call a test makes against a server's base URL, and what the
 * server answers. {@link #all()} covers the shapes LLM clients send and receive.
 */
public record Scenario(String name, Function<String, Call> call, Reply reply) {
  static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
  static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"héllo\"}}]}";
  static final String STREAM = "data: {\"delta\":\"a\"}\n\ndata: {\"delta\":\"b\"}\n\ndata: [DONE]\n\n";

  @Override
  public String toString() {
    return name;
  }

  private static Multimap json() {
    return Multimap.builder().add("Accept", "application/json").add("Content-Type", "application/json").build();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static List<Scenario> all() {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 0x80);
    return List.of(
        new Scenario("json chat completion",
            base -> new Call("POST", base + "/v1/chat/completions", json(), utf8(CHAT)),
            Reply.of(200, "application/json", COMPLETION)),
        new Scenario("server-sent events, chunked",
            base -> new Call("POST", base + "/v1/chat/completions?stream=true", json(),
                utf8(CHAT.replace("}]}", "}],\"stream\":true}"))),
            Reply.of(200, "text/event-stream", STREAM).inChunks()),
        new Scenario("binary body",
            base -> Call.get(base + "/blob"),
            new Reply(200, Multimap.of("Content-Type", "application/octet-stream"), binary, false)),
        new Scenario("no content",
            base -> new Call("DELETE", base + "/v1/files/file-1", Multimap.empty(), null),
            Reply.of(204, null, "")),
        new Scenario("not found with a JSON error",
            base -> Call.get(base + "/v1/models/missing?limit=2&tag=a+b"),
            Reply.of(404, "application/json", "{\"error\":{\"message\":\"no such model\"}}")),
        new Scenario("url-encoded form",
            base -> new Call("POST", base + "/oauth/token?next=%2Fhome",
                Multimap.of("Content-Type", "application/x-www-form-urlencoded"),
                utf8("grant_type=client_credentials&scope=read+write")),
            Reply.of(200, "application/json", "{\"token_type\":\"bearer\"}")));
  }
}
