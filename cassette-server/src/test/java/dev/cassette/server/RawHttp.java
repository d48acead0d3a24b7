package dev.cassette.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket, for what ordinary clients hide: the chunks a chunked response
 * arrived in, the exact request bytes sent (a chunked request body, hop-by-hop headers).
 */
final class RawHttp {
  /** A response as it came over the wire: head lines, headers (lower-case names) and body chunks. */
  record Reply(String statusLine, Map<String, List<String>> headers, List<byte[]> chunks) {
    int code() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    byte[] body() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      chunks.forEach(out::writeBytes);
      return out.toByteArray();
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, CRLF-terminated lines, no blank line) and {@code body}. */
  static Reply exchange(URI base, String head, byte[] body, boolean bodiless) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String status = line(in);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String line; !(line = line(in)).isEmpty(); ) {
        int colon = line.indexOf(':');
        headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
      List<byte[]> chunks = new ArrayList<>();
      if (bodiless) return new Reply(status, headers, chunks);
      List<String> te = headers.getOrDefault("transfer-encoding", List.of());
      if (te.contains("chunked")) {
        for (int size; (size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) > 0; ) {
          chunks.add(in.readNBytes(size));
          line(in);
        }
        line(in);
      } else {
        List<String> length = headers.get("content-length");
        chunks.add(length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes());
      }
      return new Reply(status, headers, chunks);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) throw new IOException("connection closed mid-line: " + line);
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
