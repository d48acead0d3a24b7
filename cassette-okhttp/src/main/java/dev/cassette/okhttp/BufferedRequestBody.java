package dev.cassette.okhttp;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body read once into memory and sent from there, so the bytes recorded are exactly the bytes
 * sent, even when the original body is one-shot. It keeps the original's content type and, when the
 * original length was unknown (-1), that too, so the request still goes out chunked as the caller asked.
 */
final class BufferedRequestBody extends RequestBody {
  private final MediaType contentType;
  private final long contentLength;
  private final byte[] bytes;

  BufferedRequestBody(MediaType contentType, long originalLength, byte[] bytes) {
    this.contentType = contentType;
    this.contentLength = originalLength == -1 ? -1 : bytes.length;
    this.bytes = bytes;
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  @Override
  public long contentLength() {
    return contentLength;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }
}
