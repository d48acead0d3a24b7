package dev.cassette.core.yaml;

import dev.cassette.core.Cassette;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.Interaction;
import dev.cassette.core.Layout;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes go-vcr v2 cassettes byte-for-byte as Go's YAML library does.
 *
 * <p>The cassette's {@link Layout} picks the indentation (compact: indent 2 with sequences at their
 * key's column; indented: go-vcr's default indent 4) and its {@link FieldProfile} picks both the
 * fields written (modern omits empty optional fields, legacy writes them all) and the emitter whose
 * corner cases apply (modern: go.yaml.in/yaml/v4, legacy: gopkg.in/yaml.v3). Field order is go-vcr's
 * struct order; interaction ids are their positions.
 */
public final class CassetteWriter {
  private CassetteWriter() {}

  /** The cassette as YAML text: {@code ---} and the document. */
  public static String write(Cassette cassette) {
    StringBuilder out = new StringBuilder(estimateSize(cassette));
    emit(cassette, out, null);
    return out.toString();
  }

  /**
   * Writes the same text as {@link #write(Cassette)} to {@code out} as it is made, so that a cassette
   * holding a large body is never held as one string besides the body itself.
   */
  public static void write(Cassette cassette, Writer out) throws IOException {
    try {
      emit(cassette, new StringBuilder(), out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void emit(Cassette cassette, StringBuilder out, Writer sink) {
    boolean legacy = cassette.profile() == FieldProfile.LEGACY;
    boolean compact = cassette.layout() == Layout.COMPACT;
    out.append("---\n");
    GoYamlEmitter e = new GoYamlEmitter(out, sink, compact ? 2 : 4, compact,
        legacy ? GoYamlEmitter.Rules.YAML_V3 : GoYamlEmitter.Rules.YAML_V4);
    e.beginMapping();
    e.key("version");
    e.plainValue(Integer.toString(Cassette.VERSION));
    e.key("interactions");
    List<Interaction> interactions = cassette.interactions();
    if (interactions.isEmpty()) {
      e.emptySequence();
    } else {
      e.beginSequence();
      for (int i = 0; i < interactions.size(); i++) {
        Interaction interaction = interactions.get(i);
        e.beginMappingItem();
        e.key("id");
        e.plainValue(Integer.toString(i));
        e.key("request");
        writeRequest(e, interaction.request(), legacy);
        e.key("response");
        writeResponse(e, interaction.response(), legacy);
        e.endMapping();
      }
      e.endSequence();
    }
    e.endMapping();
    e.endDocument();
    e.flush();
  }

  private static void writeRequest(GoYamlEmitter e, Request r, boolean legacy) {
    e.beginMapping();
    e.key("proto");
    e.stringValue(r.proto());
    e.key("proto_major");
    e.plainValue(Integer.toString(r.protoMajor()));
    e.key("proto_minor");
    e.plainValue(Integer.toString(r.protoMinor()));
    e.key("content_length");
    e.plainValue(Long.toString(r.contentLength()));
    if (legacy || !r.transferEncoding().isEmpty()) {
      e.key("transfer_encoding");
      writeList(e, r.transferEncoding());
    }
    if (legacy || !r.trailer().isEmpty()) {
      e.key("trailer");
      writeMultimap(e, r.trailer());
    }
    e.key("host");
    e.stringValue(r.host());
    if (legacy || !r.remoteAddr().isEmpty()) {
      e.key("remote_addr");
      e.stringValue(r.remoteAddr());
    }
    if (legacy || !r.requestUri().isEmpty()) {
      e.key("request_uri");
      e.stringValue(r.requestUri());
    }
    if (legacy || !r.body().isEmpty()) {
      e.key("body");
      e.stringValue(r.body().goString());
    }
    if (legacy || !r.form().isEmpty()) {
      e.key("form");
      writeMultimap(e, r.form());
    }
    if (legacy || !r.headers().isEmpty()) {
      e.key("headers");
      writeMultimap(e, r.headers());
    }
    e.key("url");
    e.stringValue(r.url());
    e.key("method");
    e.stringValue(r.method());
    e.endMapping();
  }

  private static void writeResponse(GoYamlEmitter e, Response r, boolean legacy) {
    e.beginMapping();
    e.key("proto");
    e.stringValue(r.proto());
    e.key("proto_major");
    e.plainValue(Integer.toString(r.protoMajor()));
    e.key("proto_minor");
    e.plainValue(Integer.toString(r.protoMinor()));
    if (legacy || !r.transferEncoding().isEmpty()) {
      e.key("transfer_encoding");
      writeList(e, r.transferEncoding());
    }
    if (legacy || !r.trailer().isEmpty()) {
      e.key("trailer");
      writeMultimap(e, r.trailer());
    }
    e.key("content_length");
    e.plainValue(Long.toString(r.contentLength()));
    if (legacy || r.uncompressed()) {
      e.key("uncompressed");
      e.plainValue(Boolean.toString(r.uncompressed()));
    }
    e.key("body");
    e.stringValue(r.body().goString());
    e.key("headers");
    writeMultimap(e, r.headers());
    e.key("status");
    e.stringValue(r.status());
    e.key("code");
    e.plainValue(Integer.toString(r.code()));
    e.key("duration");
    e.stringValue(r.duration().toString());
    e.endMapping();
  }

  private static void writeList(GoYamlEmitter e, List<String> values) {
    if (values.isEmpty()) {
      e.emptySequence();
      return;
    }
    e.beginSequence();
    for (String value : values) e.stringItem(value);
    e.endSequence();
  }

  private static void writeMultimap(GoYamlEmitter e, Multimap map) {
    if (map.isEmpty()) {
      e.emptyMapping();
      return;
    }
    Map<String, List<String>> entries = map.asMap();
    e.beginMapping();
    for (String name : GoKeyOrder.sorted(entries.keySet())) {
      e.key(name);
      writeList(e, entries.get(name));
    }
    e.endMapping();
  }

  /** Room for the bodies plus the usual per-interaction overhead, so the builder rarely grows. */
  private static int estimateSize(Cassette cassette) {
    long size = 64;
    for (Interaction i : cassette.interactions()) {
      // Characters of the text form, which the writer needs anyway; the byte length may not be known.
      size += 1024L + i.request().body().goString().length() + i.response().body().goString().length() * 11L / 10;
    }
    return (int) Math.min(size, Integer.MAX_VALUE - 16);
  }
}
