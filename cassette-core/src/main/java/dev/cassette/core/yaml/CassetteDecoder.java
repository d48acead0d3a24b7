package dev.cassette.core.yaml;

import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Interaction;
import dev.cassette.core.Layout;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns a composed YAML tree into a {@link Cassette}, with Go's decoding semantics: a key absent from
 * the file takes Go's zero value (never a builder default), names and value lists keep file order.
 * Also detects the file's {@link Layout} and {@link FieldProfile}, so that it can be written back the
 * same way.
 */
final class CassetteDecoder {
  private static final String[] REQUEST_OMITEMPTY =
      {"transfer_encoding", "trailer", "remote_addr", "request_uri", "body", "form", "headers"};
  private static final String[] RESPONSE_OMITEMPTY = {"transfer_encoding", "trailer", "uncompressed"};

  private final Source source;
  private final GoScalars scalars;

  /** Whether decoded interactions are kept (a load) or dropped once checked (a validation). */
  private final boolean keepInteractions;
  private final Cassette.Builder cassette = Cassette.builder();
  /** Interactions handed over by the composer so far. */
  private int streamed;
  /**
   * The first problem in a streamed interaction, thrown only once the top level has been read: the
   * composer hands over interactions before the document ends, but a problem elsewhere in the file, or
   * at the top level, is the one to report first, as when the whole tree was composed before decoding.
   */
  private RuntimeException interactionProblem;

  /** Whether every interaction so far wrote every omitempty key. */
  private boolean allOptionalKeysPresent = true;
  /** Whether some omitempty key held an empty value: proof the writer did not omit empty fields. */
  private boolean someOptionalKeyEmpty;

  /** @param keepInteractions false to check interactions and drop them, keeping none in memory */
  CassetteDecoder(Source source, LineSeparators separators, LargeBodies largeBodies,
      boolean keepInteractions) {
    this.source = source;
    this.scalars = new GoScalars(source, separators, largeBodies);
    this.keepInteractions = keepInteractions;
  }

  /**
   * Decodes one item of the top-level {@code interactions} sequence as soon as {@link StreamingComposer}
   * has composed it, so that its nodes can go; after a problem, the rest are skipped.
   */
  void interactionComposed(Node item) {
    if (interactionProblem != null) return;
    try {
      Interaction interaction = interaction(item, "interactions[" + streamed + "]");
      if (keepInteractions) cassette.add(interaction);
      streamed++;
    } catch (RuntimeException e) {
      interactionProblem = e;
    }
  }

  Cassette decode(Node root) {
    if (GoScalars.isNull(root)) {
      throw source.problem(root, "the document is empty; expected a go-vcr cassette: a mapping with"
          + " 'version: 2' and 'interactions'");
    }
    if (!(root instanceof MappingNode)) {
      throw source.problem(root, "found " + GoScalars.describe(root) + " at the top level, expected a"
          + " go-vcr cassette: a mapping with 'version: 2' and 'interactions'");
    }
    StructMapping fields = StructMapping.read(root, KeySet.CASSETTE, "cassette", "a cassette", source);
    checkVersion(fields.require("version", "add 'version: 2' at the top (go-vcr v4 cassettes are version 2)"));
    Node interactions = fields.require("interactions",
        "add 'interactions: []' for a cassette with no interactions");

    int count = 0;
    if (!GoScalars.isNull(interactions)) {
      if (!(interactions instanceof SequenceNode list)) {
        throw source.problem(interactions, "interactions: found " + GoScalars.describe(interactions)
            + ", expected a sequence of interactions ('- id: 0' ...), or '[]' for none");
      }
      // The composer streamed the items to interactionComposed and left the sequence empty.
      cassette.layout(layout(fields.keyNode("interactions"), list, streamed == 0));
      if (interactionProblem != null) throw interactionProblem;
      count = streamed;
    }
    boolean legacy = count > 0 && allOptionalKeysPresent && someOptionalKeyEmpty;
    return cassette.profile(legacy ? FieldProfile.LEGACY : FieldProfile.MODERN).build();
  }

  private void checkVersion(Node node) {
    if (node instanceof ScalarNode scalar && !GoScalars.isNull(node)) {
      String text = scalar.getValue();
      if (text.equals(Integer.toString(Cassette.VERSION)) && scalar.isPlain()) return;
      long version;
      try {
        version = scalars.int64(node, "version");
      } catch (RuntimeException notAnInteger) {
        throw source.problem(node, "version: found " + GoScalars.describe(node)
            + ", expected 2; this library reads version 2 cassettes (go-vcr v4)");
      }
      if (version == Cassette.VERSION) return;
      throw source.problem(node, "cassette version " + text + " is not supported; this library reads"
          + " version 2 (go-vcr v4)" + (version == 1 ? "; re-record it with go-vcr v4 or this library" : ""));
    }
    throw source.problem(node, "version: found " + GoScalars.describe(node)
        + ", expected 2; this library reads version 2 cassettes (go-vcr v4)");
  }

  /** Compact when the sequence's dash sits at the key's column, indented when further right. */
  private static Layout layout(ScalarNode key, SequenceNode list, boolean empty) {
    if (list.getFlowStyle() == FlowStyle.FLOW || empty) return Layout.COMPACT;
    int keyColumn = key.getStartMark().map(m -> m.getColumn()).orElse(0);
    int dashColumn = list.getStartMark().map(m -> m.getColumn()).orElse(0);
    return dashColumn > keyColumn ? Layout.INDENTED : Layout.COMPACT;
  }

  private Interaction interaction(Node node, String path) {
    if (GoScalars.isNull(node)) {
      throw source.problem(node, path + ": found an empty interaction, expected a mapping with id,"
          + " request and response");
    }
    StructMapping fields = StructMapping.read(node, KeySet.INTERACTION, path, "an interaction", source);
    Node id = fields.get("id");
    if (id != null) scalars.int32(id, path + ".id");
    Node request = fields.require("request", "every interaction needs a request and a response");
    Node response = fields.require("response", "every interaction needs a request and a response");
    return Interaction.of(request(request, path + ".request"), response(response, path + ".response"));
  }

  private Request request(Node node, String path) {
    StructMapping f = StructMapping.read(node, KeySet.REQUEST, path, "a request", source);
    Node url = f.require("url", "every request needs a url and a method");
    Node method = f.require("method", "every request needs a url and a method");
    Request request = Request.builder()
        .proto(string(f, "proto", path))
        .protoMajor(int32(f, "proto_major", path))
        .protoMinor(int32(f, "proto_minor", path))
        .contentLength(int64(f, "content_length", path))
        .transferEncoding(strings(f.get("transfer_encoding"), path + ".transfer_encoding"))
        .trailer(multimap(f.get("trailer"), path + ".trailer"))
        .host(string(f, "host", path))
        .remoteAddr(string(f, "remote_addr", path))
        .requestUri(string(f, "request_uri", path))
        .body(body(f.get("body"), path + ".body"))
        .form(multimap(f.get("form"), path + ".form"))
        .headers(multimap(f.get("headers"), path + ".headers"))
        .url(scalars.string(url, path + ".url"))
        .method(scalars.string(method, path + ".method"))
        .build();
    noteOptionalKeys(f, REQUEST_OMITEMPTY, request.transferEncoding().isEmpty()
        || request.trailer().isEmpty() || request.remoteAddr().isEmpty() || request.requestUri().isEmpty()
        || request.body().isEmpty() || request.form().isEmpty() || request.headers().isEmpty());
    return request;
  }

  private Response response(Node node, String path) {
    StructMapping f = StructMapping.read(node, KeySet.RESPONSE, path, "a response", source);
    Node code = f.require("code", "every response needs a code, e.g. 'code: 200'");
    Node duration = f.get("duration");
    Response response = Response.builder()
        .proto(string(f, "proto", path))
        .protoMajor(int32(f, "proto_major", path))
        .protoMinor(int32(f, "proto_minor", path))
        .transferEncoding(strings(f.get("transfer_encoding"), path + ".transfer_encoding"))
        .trailer(multimap(f.get("trailer"), path + ".trailer"))
        .contentLength(int64(f, "content_length", path))
        .uncompressed(f.has("uncompressed") && scalars.bool(f.get("uncompressed"), path + ".uncompressed"))
        .body(body(f.get("body"), path + ".body"))
        .headers(multimap(f.get("headers"), path + ".headers"))
        .status(string(f, "status", path))
        .code(scalars.int32(code, path + ".code"))
        .duration(duration == null ? GoDuration.ZERO
            : scalars.duration(duration, path + ".duration"))
        .build();
    noteOptionalKeys(f, RESPONSE_OMITEMPTY, response.transferEncoding().isEmpty()
        || response.trailer().isEmpty() || !response.uncompressed());
    return response;
  }

  private void noteOptionalKeys(StructMapping fields, String[] optional, boolean someEmpty) {
    for (String key : optional) {
      if (!fields.has(key)) {
        allOptionalKeysPresent = false;
        return;
      }
    }
    someOptionalKeyEmpty |= someEmpty;
  }

  private String string(StructMapping fields, String key, String path) {
    Node node = fields.get(key);
    return node == null ? "" : scalars.string(node, path + "." + key);
  }

  private int int32(StructMapping fields, String key, String path) {
    Node node = fields.get(key);
    return node == null ? 0 : scalars.int32(node, path + "." + key);
  }

  private long int64(StructMapping fields, String key, String path) {
    Node node = fields.get(key);
    return node == null ? 0 : scalars.int64(node, path + "." + key);
  }

  private Body body(Node node, String path) {
    return node == null ? Body.empty() : scalars.body(node, path);
  }

  /** A Go {@code []string}: a sequence of scalars, or null for none. */
  private List<String> strings(Node node, String path) {
    if (node == null || GoScalars.isNull(node)) return List.of();
    if (!(node instanceof SequenceNode list)) {
      throw source.problem(node, path + ": found " + GoScalars.describe(node)
          + ", expected a sequence of strings, e.g. '- value' on its own line, or '[]' for none");
    }
    List<String> values = new ArrayList<>(list.getValue().size());
    int i = 0;
    for (Node item : list.getValue()) {
      values.add(scalars.string(item, path + "[" + i++ + "]"));
    }
    return values;
  }

  /** A Go {@code map[string][]string} (headers, form, trailer), names as written and in file order. */
  private Multimap multimap(Node node, String path) {
    if (node == null || GoScalars.isNull(node)) return Multimap.empty();
    if (!(node instanceof MappingNode map)) {
      throw source.problem(node, path + ": found " + GoScalars.describe(node)
          + ", expected a mapping from names to lists of values, e.g. 'Accept:' then '- text/plain'");
    }
    Multimap.Builder values = Multimap.builder();
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode instanceof ScalarNode key && key.isPlain() && key.getValue().equals("<<")) {
        throw source.problem(keyNode, path + ": merge keys (<<) are not supported; if '<<' is a name,"
            + " quote it: '<<'");
      }
      String name = scalars.string(keyNode, path + " key");
      Node previous = seen.put(name, keyNode);
      if (previous != null) {
        throw source.problem(keyNode, path + ": duplicate name '" + name + "' (first at line "
            + Source.line(previous) + ", again at line " + Source.line(keyNode)
            + "); put all its values in one list");
      }
      values.addAll(name, strings(tuple.getValueNode(), path + "." + name));
    }
    return values.build();
  }
}
