package dev.cassette.okhttp.testserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response for {@link TestServer} to send, independent of the mockwebserver API in use. */
public final class Reply {
  final int code;
  final List<String[]> headers = new ArrayList<>();
  final List<String[]> trailers = new ArrayList<>();
  byte[] body;
  int chunkSize;

  private Reply(int code) {
    this.code = code;
  }

  public static Reply code(int code) {
    return new Reply(code);
  }

  public Reply header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  /** A trailer sent after a {@linkplain #chunked chunked} body (HTTP/1 sends trailers only then). */
  public Reply trailer(String name, String value) {
    trailers.add(new String[] {name, value});
    return this;
  }

  public Reply body(byte[] body) {
    this.body = body.clone();
    return this;
  }

  public Reply body(String body) {
    return body(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the body with {@code Transfer-Encoding: chunked}, in chunks of at most this many bytes. */
  public Reply chunked(int chunkSize) {
    this.chunkSize = chunkSize;
    return this;
  }

  public int code() {
    return code;
  }

  public List<String[]> headers() {
    return headers;
  }

  public List<String[]> trailers() {
    return trailers;
  }

  /** The body, or null when none was set. */
  public byte[] body() {
    return body;
  }

  public int chunkSize() {
    return chunkSize;
  }
}
