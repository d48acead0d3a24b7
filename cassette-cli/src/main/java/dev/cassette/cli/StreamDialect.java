package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One LLM provider's streaming format: recognises its events and folds their deltas into a transcript.
 * Each provider streams text and tool-call arguments differently, but each event says clearly enough
 * which format it is in, so a stream needs no configuration to be read.
 */
interface StreamDialect {
  /** A short human name, e.g. {@code OpenAI chat completions}. */
  String name();

  /** True when this event (its {@code event:} name and parsed {@code data:}) belongs to this format. */
  boolean recognizes(String eventName, JsonNode data);

  /** Folds one recognised event into the transcript. */
  void apply(String eventName, JsonNode data, Transcript.Builder transcript);
}
