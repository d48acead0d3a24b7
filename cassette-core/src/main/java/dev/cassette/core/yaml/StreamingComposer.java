package dev.cassette.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A composer that hands each item of the top-level {@code interactions} sequence to a
 * {@link CassetteDecoder} as soon as the item is composed, and keeps none of them in the tree. A
 * composed tree takes about ten times its file in heap (a node, marks and a list for every scalar);
 * composed one interaction at a time, only the decoded model stays, so loading needs a few times the
 * file rather than fifteen, and a validating run ({@code cassette check}) holds no more than one
 * interaction's tree at once.
 *
 * <p>The rest of the document is composed as before, so the decoder still reads the top level as a
 * whole and reports its problems first; the interactions sequence is left in the tree empty, with its
 * marks and flow style, which is all the decoder reads of it.
 */
final class StreamingComposer extends Composer {
  /** The key that holds the interactions, as {@link StructMapping} matches it: by the scalar's text. */
  private static final String INTERACTIONS = "interactions";

  private final CassetteDecoder decoder;
  /** Collections being composed around the current event: 1 inside the root collection. */
  private int depth;
  /** Stands in for the items' parent, which snakeyaml only uses to detect alias cycles (refused anyway). */
  private final MappingNode itemParent =
      new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);

  StreamingComposer(LoadSettings settings, Parser parser, CassetteDecoder decoder) {
    super(settings, parser);
    this.decoder = decoder;
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    depth++;
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    depth++;
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  /** As snakeyaml's own, except for the root mapping's {@code interactions} sequence. */
  @Override
  protected void composeMappingChildren(List<NodeTuple> children, MappingNode node) {
    Node key = composeKeyNode(node);
    if (key.getTag().equals(Tag.MERGE)) node.setHasMergeTag(true);
    boolean interactions = depth == 1 && key instanceof ScalarNode scalar
        && scalar.getValue().equals(INTERACTIONS) && parser.checkEvent(Event.ID.SequenceStart);
    Node value = interactions ? streamInteractions() : composeValueNode(node);
    children.add(new NodeTuple(key, value));
  }

  /**
   * Composes the interactions one by one, each handed to the decoder and dropped; returns the sequence
   * without items. Comments are off, so there are no comment events to collect between the items.
   */
  private SequenceNode streamInteractions() {
    SequenceStartEvent start = (SequenceStartEvent) parser.next();
    SequenceNode sequence = new SequenceNode(Tag.SEQ, true, new ArrayList<>(), start.getFlowStyle(),
        start.getStartMark(), Optional.empty());
    depth++;
    try {
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        decoder.interactionComposed(composeValueNode(itemParent));
      }
    } finally {
      depth--;
    }
    sequence.setEndMark(parser.next().getEndMark());
    return sequence;
  }
}
