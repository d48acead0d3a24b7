package dev.cassette.junit5;

/**
 * The process settings the extension reads besides annotations: system properties and environment
 * variables. An interface so that tests can decide the mode without touching the real process.
 */
interface Environment {
  /** The system property's value, or null. */
  String systemProperty(String name);

  /** The environment variable's value, or null. */
  String variable(String name);

  /** The running JVM's system properties and environment. */
  static Environment system() {
    return new Environment() {
      @Override
      public String systemProperty(String name) {
        return System.getProperty(name);
      }

      @Override
      public String variable(String name) {
        return System.getenv(name);
      }
    };
  }
}
