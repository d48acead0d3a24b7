package dev.cassette.core;

import java.util.List;
import java.util.Objects;

/**
 * A recorded HTTP response: every field of go-vcr's {@code response} mapping, in file order. Immutable;
 * use {@link #builder()} or {@link #toBuilder()}.
 *
 * <p>{@code status} is kept as text ({@code "200 OK"}) and never parsed, because servers send reason
 * phrases that disagree with the code and a replay must return them as they were.
 */
public final class Response {
  private final String proto;
  private final int protoMajor;
  private final int protoMinor;
  private final List<String> transferEncoding;
  private final Multimap trailer;
  private final long contentLength;
  private final boolean uncompressed;
  private final Body body;
  private final Multimap headers;
  private final String status;
  private final int code;
  private final GoDuration duration;

  private Response(Builder b) {
    this.proto = b.proto;
    this.protoMajor = b.protoMajor;
    this.protoMinor = b.protoMinor;
    this.transferEncoding = List.copyOf(b.transferEncoding);
    this.trailer = b.trailer;
    this.contentLength = b.contentLength;
    this.uncompressed = b.uncompressed;
    this.body = b.body;
    this.headers = b.headers;
    this.code = b.code;
    this.status = b.status != null ? b.status : StatusText.of(b.code);
    this.duration = b.duration;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The server's protocol, e.g. {@code HTTP/2.0}. */
  public String proto() { return proto; }
  public int protoMajor() { return protoMajor; }
  public int protoMinor() { return protoMinor; }
  public List<String> transferEncoding() { return transferEncoding; }
  public Multimap trailer() { return trailer; }
  /** -1 when unknown: chunked, HTTP/2, or transparently decompressed. */
  public long contentLength() { return contentLength; }
  /** True when the client transparently un-gzipped the body. */
  public boolean uncompressed() { return uncompressed; }
  /** The whole body, a complete SSE stream included. */
  public Body body() { return body; }
  public Multimap headers() { return headers; }
  /** The status line's text after the protocol, e.g. {@code 200 OK}. */
  public String status() { return status; }
  public int code() { return code; }
  /** Time until the response headers arrived. */
  public GoDuration duration() { return duration; }

  /** The reason phrase: {@link #status()} without the leading code, e.g. {@code OK}. */
  public String message() {
    String prefix = Integer.toString(code);
    if (status.startsWith(prefix)) return status.substring(prefix.length()).strip();
    return status;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Response r)) return false;
    return protoMajor == r.protoMajor && protoMinor == r.protoMinor && contentLength == r.contentLength
        && uncompressed == r.uncompressed && code == r.code && proto.equals(r.proto)
        && transferEncoding.equals(r.transferEncoding) && trailer.equals(r.trailer)
        && body.equals(r.body) && headers.equals(r.headers) && status.equals(r.status)
        && duration.equals(r.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, status, body, headers);
  }

  @Override
  public String toString() {
    return proto + " " + status;
  }

  public static final class Builder {
    private String proto = "HTTP/1.1";
    private int protoMajor = 1;
    private int protoMinor = 1;
    private List<String> transferEncoding = List.of();
    private Multimap trailer = Multimap.empty();
    private long contentLength = -1;
    private boolean uncompressed;
    private Body body = Body.empty();
    private Multimap headers = Multimap.empty();
    private String status;
    private int code = 200;
    private GoDuration duration = GoDuration.ZERO;

    private Builder() {}

    private Builder(Response r) {
      proto = r.proto;
      protoMajor = r.protoMajor;
      protoMinor = r.protoMinor;
      transferEncoding = r.transferEncoding;
      trailer = r.trailer;
      contentLength = r.contentLength;
      uncompressed = r.uncompressed;
      body = r.body;
      headers = r.headers;
      status = r.status;
      code = r.code;
      duration = r.duration;
    }

    public Builder proto(String proto) { this.proto = Objects.requireNonNull(proto); return this; }
    public Builder protoMajor(int protoMajor) { this.protoMajor = protoMajor; return this; }
    public Builder protoMinor(int protoMinor) { this.protoMinor = protoMinor; return this; }
    public Builder transferEncoding(List<String> transferEncoding) { this.transferEncoding = List.copyOf(transferEncoding); return this; }
    public Builder trailer(Multimap trailer) { this.trailer = Objects.requireNonNull(trailer); return this; }
    public Builder contentLength(long contentLength) { this.contentLength = contentLength; return this; }
    public Builder uncompressed(boolean uncompressed) { this.uncompressed = uncompressed; return this; }
    public Builder body(Body body) { this.body = Objects.requireNonNull(body); return this; }
    /** Sets the body to this text's UTF-8 bytes. */
    public Builder body(String text) { return body(Body.ofText(text)); }
    public Builder headers(Multimap headers) { this.headers = Objects.requireNonNull(headers); return this; }
    /** Sets the status text; when never set, it is derived from the code, e.g. {@code 404 Not Found}. */
    public Builder status(String status) { this.status = Objects.requireNonNull(status); return this; }
    public Builder code(int code) { this.code = code; return this; }
    public Builder duration(GoDuration duration) { this.duration = Objects.requireNonNull(duration); return this; }

    /** Sets {@code proto}, {@code proto_major} and {@code proto_minor} from text like {@code HTTP/2.0}. */
    public Builder protocol(String proto) {
      this.proto = proto;
      int[] version = Protocols.version(proto);
      this.protoMajor = version[0];
      this.protoMinor = version[1];
      return this;
    }

    public Response build() {
      return new Response(this);
    }
  }
}
