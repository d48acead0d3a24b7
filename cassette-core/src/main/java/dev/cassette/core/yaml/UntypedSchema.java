package dev.cassette.core.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * A schema that leaves every untagged scalar a string. The decoder types scalars itself, by Go's rules
 * rather than YAML 1.2's ({@link GoScalars}, {@link GoPlainScalars}), so the regular expressions a
 * standard schema runs over every plain scalar would be work thrown away. Explicit tags ({@code !!binary},
 * {@code !!int}) still reach the decoder as written.
 */
final class UntypedSchema implements Schema {
  private static final ScalarResolver EVERY_SCALAR_IS_TEXT = (value, implicit) -> Tag.STR;

  @Override
  public ScalarResolver getScalarResolver() {
    return EVERY_SCALAR_IS_TEXT;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return Map.of(); // nothing is constructed: the decoder reads the node graph
  }
}
