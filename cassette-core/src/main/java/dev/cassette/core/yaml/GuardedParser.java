package dev.cassette.core.yaml;

import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stands between snakeyaml's parser and its composer and refuses, at the event where it first appears,
 * what a cassette never holds: anchors and aliases (go-vcr never writes them, and an alias bomb must not
 * expand), a second document, and nesting deeper than {@link #MAX_DEPTH}. The depth limit is what keeps
 * the composer, which recurses once per level, from overflowing the stack on input like {@code [[[[...}.
 */
final class GuardedParser implements Parser {
  /** A cassette nests six levels (root, interactions, interaction, request, headers, values). */
  static final int MAX_DEPTH = 32;

  private final Parser delegate;
  private final Source source;
  private int depth;
  private int documents;

  GuardedParser(Parser delegate, Source source) {
    this.delegate = delegate;
    this.source = source;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return delegate.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return delegate.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public Event next() {
    Event event = delegate.next();
    switch (event.getEventId()) {
      case DocumentStart:
        if (++documents > 1) {
          throw source.problem(event.getStartMark(),
              "found a second YAML document; a cassette file holds exactly one document: remove"
                  + " this '---' and everything after it, or split the file");
        }
        break;
      case Alias:
        throw source.problem(event.getStartMark(),
            "found the alias *" + ((AliasEvent) event).getAlias().getValue()
                + "; cassettes do not use anchors or aliases: write the value out in full");
      case MappingStart:
      case SequenceStart:
        if (++depth > MAX_DEPTH) {
          throw source.problem(event.getStartMark(),
              "nesting deeper than " + MAX_DEPTH + " levels; a cassette nests at most 6 levels"
                  + " (interactions, request, headers, values): check for stray brackets or indentation");
        }
        refuseAnchor((NodeEvent) event);
        break;
      case MappingEnd:
      case SequenceEnd:
        depth--;
        break;
      case Scalar:
        refuseAnchor((NodeEvent) event);
        break;
      default:
        break;
    }
    return event;
  }

  private void refuseAnchor(NodeEvent event) {
    if (event.getAnchor().isPresent()) {
      throw source.problem(event.getStartMark(),
          "found the anchor &" + event.getAnchor().get().getValue()
              + "; cassettes do not use anchors or aliases: remove it and write values out in full");
    }
  }
}
