package dev.cassette.junit5.example;

/**
 * A function the model asks the caller to run.
 *
 * @param arguments the arguments as the model wrote them: a JSON object in a string
 */
public record ToolCall(String id, String name, String arguments) {}
