package dev.cassette.cli;

/** A function call a model made, with its arguments as the JSON text the model produced. */
record ToolCall(String name, String arguments) {
  @Override
  public String toString() {
    return name + "(" + arguments + ")";
  }
}
