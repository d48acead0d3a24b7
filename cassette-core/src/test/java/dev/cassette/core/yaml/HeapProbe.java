package dev.cassette.core.yaml;

import dev.cassette.core.Cassette;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: the probe behind docs/benchmarks.md's Memory table, run by hand under decreasing
 * {@code -Xmx} (see {@code benchmarks/heap-probe.sh}). Heap figures cannot be unit tests: they depend on
 * the JVM, the collector and the machine.
 *
 * <ul>
 *   <li>{@code chat FILE N}: writes N chat completions, about 1 KB each (50,000 make 51.5 MB);
 *   <li>{@code small FILE MB}: writes small interactions (about 400 bytes) until the file has MB megabytes;
 *   <li>{@code load FILE}: reads FILE with a 1 GiB limit and prints the interaction count.
 * </ul>
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "chat" -> write(file, chat(Integer.parseInt(args[2])));
      case "small" -> write(file, small(Long.parseLong(args[2]) << 20));
      case "load" -> {
        Cassette cassette = new CassetteReader().withMaxBytes(1L << 30).read(file);
        System.out.println(cassette.interactions().size() + " interactions");
      }
      default -> throw new IllegalArgumentException("chat FILE N | small FILE MB | load FILE");
    }
  }

  private static void write(Path file, Cassette cassette) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CassetteWriter.write(cassette, out);
    }
    System.out.println(Files.size(file) + " bytes, " + cassette.interactions().size() + " interactions");
  }

  private static Cassette chat(int count) {
    Cassette.Builder cassette = Cassette.builder();
    for (int i = 0; i < count; i++) {
      String request = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a"
          + " helpful assistant.\"},{\"role\":\"user\",\"content\":\"Question number " + i + ": what is "
          + i + " times 7?\"}],\"temperature\":0}";
      String response = "{\"id\":\"chatcmpl-" + Integer.toHexString(i * 7919) + "abcdef\",\"object\":"
          + "\"chat.completion\",\"created\":" + (1700000000 + i) + ",\"model\":\"gpt-4o-mini-2024-07-18\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + i + " times 7"
          + " is " + (i * 7L) + ".\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{"
          + "\"prompt_tokens\":27,\"completion_tokens\":9,\"total_tokens\":36}}";
      cassette.add(
          Request.builder().method("POST").url("https://api.openai.com/v1/chat/completions")
              .proto("HTTP/1.1").protoMajor(1).protoMinor(1).host("api.openai.com")
              .contentLength(request.length()).body(request)
              .headers(Multimap.builder().add("Content-Type", "application/json")
                  .add("Accept", "application/json").add("User-Agent", "OpenAI/Java 0.8.0").build())
              .build(),
          Response.builder().code(200).status("200 OK").proto("HTTP/2.0").protoMajor(2)
              .contentLength(response.length()).body(response)
              .headers(Multimap.builder().add("Content-Type", "application/json")
                  .add("Openai-Organization", "org-probe")
                  .add("Openai-Processing-Ms", Integer.toString(300 + i % 500))
                  .add("X-Request-Id", "req_" + Integer.toHexString(i * 31337) + "0123456789abcdef").build())
              .duration(dev.cassette.core.GoDuration.parse("512.25ms")).build());
    }
    return cassette.build();
  }

  private static Cassette small(long bytes) {
    Cassette.Builder cassette = Cassette.builder();
    // About 400 bytes per interaction when written.
    for (long i = 0, size = 0; size < bytes; i++, size += 400) {
      cassette.add(Request.builder().method("GET").url("https://example.com/item/" + i).build(),
          Response.builder().code(200).status("200 OK").body("{\"id\":" + i + "}")
              .headers(Multimap.of("Content-Type", "application/json")).build());
    }
    return cassette.build();
  }
}
