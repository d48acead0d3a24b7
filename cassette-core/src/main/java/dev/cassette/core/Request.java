package dev.cassette.core;

import java.util.List;
import java.util.Objects;

/**
 * A recorded HTTP request: every field of go-vcr's {@code request} mapping, in the order the file
 * writes them. Immutable; use {@link #builder()} or {@link #toBuilder()}.
 *
 * <p>String fields are Go strings (see {@link GoString}); the URL is kept as text, query included,
 * exactly as recorded.
 */
public final class Request {
  private final String proto;
  private final int protoMajor;
  private final int protoMinor;
  private final long contentLength;
  private final List<String> transferEncoding;
  private final Multimap trailer;
  private final String host;
  private final String remoteAddr;
  private final String requestUri;
  private final Body body;
  private final Multimap form;
  private final Multimap headers;
  private final String url;
  private final String method;

  private Request(Builder b) {
    this.proto = b.proto;
    this.protoMajor = b.protoMajor;
    this.protoMinor = b.protoMinor;
    this.contentLength = b.contentLength;
    this.transferEncoding = List.copyOf(b.transferEncoding);
    this.trailer = b.trailer;
    this.host = b.host;
    this.remoteAddr = b.remoteAddr;
    this.requestUri = b.requestUri;
    this.body = b.body;
    this.form = b.form;
    this.headers = b.headers;
    this.url = b.url;
    this.method = b.method;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The client's protocol, e.g. {@code HTTP/1.1}. */
  public String proto() { return proto; }
  public int protoMajor() { return protoMajor; }
  public int protoMinor() { return protoMinor; }
  /** The body length as sent; 0 for none, -1 when unknown (streamed). */
  public long contentLength() { return contentLength; }
  public List<String> transferEncoding() { return transferEncoding; }
  public Multimap trailer() { return trailer; }
  /** Go's {@code Request.Host}; often empty in client-side recordings. */
  public String host() { return host; }
  /** Only set in server-side recordings. */
  public String remoteAddr() { return remoteAddr; }
  /** Only set in server-side recordings. */
  public String requestUri() { return requestUri; }
  public Body body() { return body; }
  /** Parsed query parameters plus url-encoded body parameters. */
  public Multimap form() { return form; }
  public Multimap headers() { return headers; }
  /** The full URL, query included. */
  public String url() { return url; }
  public String method() { return method; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Request r)) return false;
    return protoMajor == r.protoMajor && protoMinor == r.protoMinor && contentLength == r.contentLength
        && proto.equals(r.proto) && transferEncoding.equals(r.transferEncoding)
        && trailer.equals(r.trailer) && host.equals(r.host) && remoteAddr.equals(r.remoteAddr)
        && requestUri.equals(r.requestUri) && body.equals(r.body) && form.equals(r.form)
        && headers.equals(r.headers) && url.equals(r.url) && method.equals(r.method);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, url, body, headers);
  }

  @Override
  public String toString() {
    return method + " " + url;
  }

  public static final class Builder {
    private String proto = "HTTP/1.1";
    private int protoMajor = 1;
    private int protoMinor = 1;
    private long contentLength;
    private List<String> transferEncoding = List.of();
    private Multimap trailer = Multimap.empty();
    private String host = "";
    private String remoteAddr = "";
    private String requestUri = "";
    private Body body = Body.empty();
    private Multimap form = Multimap.empty();
    private Multimap headers = Multimap.empty();
    private String url = "";
    private String method = "GET";

    private Builder() {}

    private Builder(Request r) {
      proto = r.proto;
      protoMajor = r.protoMajor;
      protoMinor = r.protoMinor;
      contentLength = r.contentLength;
      transferEncoding = r.transferEncoding;
      trailer = r.trailer;
      host = r.host;
      remoteAddr = r.remoteAddr;
      requestUri = r.requestUri;
      body = r.body;
      form = r.form;
      headers = r.headers;
      url = r.url;
      method = r.method;
    }

    public Builder proto(String proto) { this.proto = Objects.requireNonNull(proto); return this; }
    public Builder protoMajor(int protoMajor) { this.protoMajor = protoMajor; return this; }
    public Builder protoMinor(int protoMinor) { this.protoMinor = protoMinor; return this; }
    public Builder contentLength(long contentLength) { this.contentLength = contentLength; return this; }
    public Builder transferEncoding(List<String> transferEncoding) { this.transferEncoding = List.copyOf(transferEncoding); return this; }
    public Builder trailer(Multimap trailer) { this.trailer = Objects.requireNonNull(trailer); return this; }
    public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }
    public Builder remoteAddr(String remoteAddr) { this.remoteAddr = Objects.requireNonNull(remoteAddr); return this; }
    public Builder requestUri(String requestUri) { this.requestUri = Objects.requireNonNull(requestUri); return this; }
    public Builder body(Body body) { this.body = Objects.requireNonNull(body); return this; }
    /** Sets the body to this text's UTF-8 bytes. */
    public Builder body(String text) { return body(Body.ofText(text)); }
    public Builder form(Multimap form) { this.form = Objects.requireNonNull(form); return this; }
    public Builder headers(Multimap headers) { this.headers = Objects.requireNonNull(headers); return this; }
    public Builder url(String url) { this.url = Objects.requireNonNull(url); return this; }
    public Builder method(String method) { this.method = Objects.requireNonNull(method); return this; }

    /** Sets {@code proto}, {@code proto_major} and {@code proto_minor} from text like {@code HTTP/2.0}. */
    public Builder protocol(String proto) {
      this.proto = proto;
      int[] version = Protocols.version(proto);
      this.protoMajor = version[0];
      this.protoMinor = version[1];
      return this;
    }

    public Request build() {
      return new Request(this);
    }
  }
}
