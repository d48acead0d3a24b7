package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VolatileValuesTest {
  @Test
  void idsTimesSeedsAndFingerprintsAreVolatile() {
    for (String pointer : new String[] {"/id", "/created", "/created_at", "/choices/0/message/tool_calls/0/id",
        "/system_fingerprint", "/x_groq/seed", "/usage/queue_time", "/timings/prompt_ms", "/responseId",
        "/messages/2/tool_call_id", "/content/0/signature", "/output/0/encrypted_content"}) {
      assertTrue(VolatileValues.isPointer(pointer), pointer);
    }
  }

  @Test
  void contentModelAndTokenCountsAreNot() {
    for (String pointer : new String[] {"/model", "/choices/0/message/content", "/usage/completion_tokens",
        "/messages/0/role", "/tools/0/function/name", "/0/1", "/valid", "/format", "/items"}) {
      assertFalse(VolatileValues.isPointer(pointer), pointer);
    }
  }

  @Test
  void headers() {
    for (String name : new String[] {"Date", "X-Request-Id", "Request-Id", "Cf-Ray", "Openai-Processing-Ms",
        "X-Ratelimit-Remaining-Tokens", "Anthropic-Ratelimit-Requests-Reset", "Content-Length", "X-Amzn-Trace-Id",
        "X-Amzn-Bedrock-Invocation-Latency", "Anthropic-Organization-Id", "X-Envoy-Upstream-Service-Time"}) {
      assertTrue(VolatileValues.isHeader(name), name);
    }
    for (String name : new String[] {"Content-Type", "Openai-Model", "Server", "Cache-Control", "X-Amzn-Bedrock-Output-Token-Count"}) {
      assertFalse(VolatileValues.isHeader(name), name);
    }
  }

  @Test
  void dateTimes() {
    assertTrue(VolatileValues.isDateTime("2026-12-01T07:05:24Z"));
    assertTrue(VolatileValues.isDateTime("2026-12-01T07:05:24.123456+01:00"));
    assertTrue(VolatileValues.isDateTime("Tue, 01 Dec 2026 07:05:24 GMT"));
    assertFalse(VolatileValues.isDateTime("2026-12-01"));
    assertFalse(VolatileValues.isDateTime("the meeting is 2026-12-01T07:05:24Z"));
  }
}
