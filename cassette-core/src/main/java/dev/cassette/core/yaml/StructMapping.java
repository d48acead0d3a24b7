package dev.cassette.core.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One go-vcr mapping with fixed keys (a Go struct in the file), checked as a whole before any value is
 * read: every key is one of its {@link KeySet}, none appears twice. Go's YAML library ignores unknown
 * keys, but here a typo such as {@code bodyy} is an error, because silently dropping a field would
 * replay something other than what the file says.
 */
final class StructMapping {
  private final Node node;
  private final String path;
  private final Source source;
  private final KeySet keys;
  private final ScalarNode[] keyNodes;
  private final Node[] values;

  private StructMapping(Node node, String path, Source source, KeySet keys) {
    this.node = node;
    this.path = path;
    this.source = source;
    this.keys = keys;
    this.keyNodes = new ScalarNode[keys.size()];
    this.values = new Node[keys.size()];
  }

  /**
   * Reads a mapping's keys. A null value (e.g. {@code request:} with nothing after it) reads as an empty
   * mapping, as Go reads it into a zero struct.
   *
   * @param what names the mapping in messages, e.g. "a request"
   */
  static StructMapping read(Node node, KeySet keys, String path, String what, Source source) {
    StructMapping mapping = new StructMapping(node, path, source, keys);
    if (GoScalars.isNull(node)) return mapping;
    if (!(node instanceof MappingNode map)) {
      throw source.problem(node, path + ": found " + GoScalars.describe(node) + ", expected " + what
          + ": a mapping with the keys " + keys.list());
    }
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        throw source.problem(keyNode, path + ": found " + GoScalars.describe(keyNode)
            + " as a key, expected one of " + keys.list());
      }
      String name = key.getValue();
      int index = keys.indexOf(name);
      if (index < 0) throw mapping.unknownKey(key, name);
      if (mapping.keyNodes[index] != null) {
        throw source.problem(key, path + ": duplicate key '" + name + "' (first at line "
            + Source.line(mapping.keyNodes[index]) + ", again at line " + Source.line(key)
            + "); remove one of them");
      }
      mapping.keyNodes[index] = key;
      mapping.values[index] = tuple.getValueNode();
    }
    return mapping;
  }

  private RuntimeException unknownKey(ScalarNode key, String name) {
    String suggestion = keys.closest(name);
    String hint = suggestion != null ? "did you mean '" + suggestion + "'? " : "";
    if ("<<".equals(name)) hint = "merge keys are not supported; ";
    return source.problem(key, path + ": unknown key '" + name + "'; " + hint + "the valid keys are "
        + keys.list());
  }

  /** The value under a key, or null when the key is absent. */
  Node get(String key) {
    return values[keys.indexOf(key)];
  }

  /** The key node itself, or null when absent. */
  ScalarNode keyNode(String key) {
    return keyNodes[keys.indexOf(key)];
  }

  boolean has(String key) {
    return keyNodes[keys.indexOf(key)] != null;
  }

  /** The value under a key that must be present; its absence is reported where the mapping starts. */
  Node require(String key, String hint) {
    Node value = get(key);
    if (value == null) {
      throw source.problem(node, path + ": missing required key '" + key + "'; " + hint);
    }
    return value;
  }
}
