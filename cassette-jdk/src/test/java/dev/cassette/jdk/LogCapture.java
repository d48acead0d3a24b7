package dev.cassette.jdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the adapter logs (System.Logger goes to java.util.logging by default). */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger(CassetteHttpClient.class.getName());
  private final List<String> messages = new CopyOnWriteArrayList<>();

  LogCapture() {
    logger.addHandler(this);
  }

  List<String> messages() {
    return messages;
  }

  @Override
  public void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
