package dev.cassette.junit5.example;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function the model may call.
 *
 * @param parameters the arguments' JSON schema
 */
public record Tool(String name, String description, JsonNode parameters) {}
