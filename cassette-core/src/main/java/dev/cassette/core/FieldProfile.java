package dev.cassette.core;

/**
 * Which optional fields a cassette writes when they are empty, and with them which Go YAML emitter's
 * corner cases it follows.
 */
public enum FieldProfile {
  /**
   * Modern go-vcr (v4.0.3 and later) and fantasy: empty optional fields are omitted; written by
   * {@code go.yaml.in/yaml/v4}.
   */
  MODERN,
  /**
   * go-vcr v4.0.0 to v4.0.2: every field is written, {@code transfer_encoding: []} and all; written by
   * {@code gopkg.in/yaml.v3}.
   */
  LEGACY
}
