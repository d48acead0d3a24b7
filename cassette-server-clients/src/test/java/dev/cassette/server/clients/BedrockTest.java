package dev.cassette.server.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.SharedFiles;
import dev.cassette.server.CassetteServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * AWS SDK v2's Bedrock Runtime clients over plain HTTP to {@code endpointOverride(server.baseUri())}: the
 * async (Netty) client replays fixtures/bedrock/simple_streaming.yaml, an AWS event stream, byte for
 * byte; the sync (Apache) client records an InvokeModel call and replays it with the upstream gone.
 */
class BedrockTest {
  private static final String UPSTREAM = "https://bedrock-runtime.us-east-1.amazonaws.com";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCASSETTETEST", "never-in-the-file"));

  @TempDir Path dir;

  @Test
  void theAsyncClientReplaysTheRecordedEventStreamByteForByte() throws Exception {
    Path fixture = SharedFiles.fixtures().resolve("bedrock/simple_streaming.yaml");
    Interaction recorded = Cassette.load(fixture).interactions().get(0);
    String path = recorded.request().url().substring(UPSTREAM.length());
    Matcher model = Pattern.compile("/model/([^/]+)/invoke-with-response-stream").matcher(path);
    assertTrue(model.matches(), path);
    String modelId = java.net.URLDecoder.decode(model.group(1), StandardCharsets.UTF_8);

    List<byte[]> parts = new CopyOnWriteArrayList<>();
    try (Recorder recorder = Recorder.builder(fixture).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, UPSTREAM);
        BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
            .endpointOverride(server.baseUri())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            // The server speaks HTTP/1.1; the client's default, HTTP/2 with prior knowledge, it does not.
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
            .build()) {
      InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
          .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
              .onChunk(chunk -> parts.add(chunk.bytes().asByteArray()))
              .build())
          .build();
      client.invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest.builder()
              .modelId(modelId)
              .contentType("application/json")
              .accept("application/json")
              .body(SdkBytes.fromByteArray(recorded.request().body().bytes()))
              .build(), handler)
          .get(60, TimeUnit.SECONDS);
      assertTrue(recorder.unusedInteractions().isEmpty(), "the SDK's request matched the recording");
    }
    List<byte[]> expected = chunkPayloads(recorded.response().body().bytes());
    assertTrue(expected.size() > 3, "the fixture streams several chunks");
    assertEquals(expected.size(), parts.size());
    for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), parts.get(i), "chunk " + i);
  }

  @Test
  void theSyncClientRecordsAnInvokeModelCallAndReplaysItWithTheUpstreamGone() throws Exception {
    Path cassette = dir.resolve("bedrock.yaml");
    String answer = "{\"id\":\"msg_bdrk_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from Bedrock's stand-in\"}],\"stop_reason\":\"end_turn\"}";
    String prompt = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":64,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    String modelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    String upstream;
    String live;
    try (LoopbackApi api = new LoopbackApi((p, body) -> LoopbackApi.Reply.json(answer));
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, api.url());
        BedrockRuntimeClient client = syncClient(server)) {
      upstream = api.url();
      live = client.invokeModel(invoke(modelId, prompt)).body().asUtf8String();
      assertEquals(List.of("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke"), api.paths());
    }
    assertEquals(answer, live);
    assertFalse(Files.readString(cassette).contains("AKIDCASSETTETEST"), "no credential reaches the cassette");

    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream);
        BedrockRuntimeClient client = syncClient(server)) {
      assertEquals(live, client.invokeModel(invoke(modelId, prompt)).body().asUtf8String());
      BedrockRuntimeException unmatched = assertThrows(BedrockRuntimeException.class,
          () -> client.invokeModel(invoke(modelId, prompt.replace("Say hello", "Never recorded"))));
      assertEquals(404, unmatched.statusCode());
      assertTrue(unmatched.getMessage().contains(cassette.toString()), unmatched.getMessage());
    }
  }

  private static BedrockRuntimeClient syncClient(CassetteServer server) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(server.baseUri())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  private static InvokeModelRequest invoke(String modelId, String body) {
    return InvokeModelRequest.builder()
        .modelId(modelId)
        .contentType("application/json")
        .accept("application/json")
        .body(SdkBytes.fromUtf8String(body))
        .build();
  }

  /**
   * The chunk payloads of an AWS event stream, read independently of the SDK: each message is a prelude
   * (total length, headers length, CRC), headers, a JSON payload {@code {"bytes":"<base64>"}} and a CRC.
   */
  private static List<byte[]> chunkPayloads(byte[] stream) {
    List<byte[]> payloads = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(stream);
    Pattern bytes = Pattern.compile("\"bytes\":\"([^\"]*)\"");
    while (buffer.remaining() > 0) {
      int start = buffer.position();
      int total = buffer.getInt();
      int headers = buffer.getInt();
      int payloadStart = start + 12 + headers;
      int payloadLength = total - headers - 16;
      String payload = new String(stream, payloadStart, payloadLength, StandardCharsets.UTF_8);
      Matcher m = bytes.matcher(payload);
      if (m.find()) payloads.add(Base64.getDecoder().decode(m.group(1)));
      buffer.position(start + total);
    }
    return payloads;
  }
}
