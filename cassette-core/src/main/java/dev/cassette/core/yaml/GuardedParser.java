package dev.cassette.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stands between snakeyaml's parser and its composer and refuses, at the event where it first appears,
 * what a cassette never holds: anchors and aliases (go-vcr never writes them, and an alias bomb must not
 * expand), a second document, and nesting deeper than {@link #MAX_DEPTH}. The depth limit is what keeps
 * the composer, which recurses once per level, from overflowing the stack on input like {@code [[[[...}.
 *
 * <p>It also lightens the marks of the events that become nodes. snakeyaml's marks hold the reader's
 * window of the text (a 256 KiB array, a new one every 64 Ki characters) for error snippets the decoder
 * never prints, so a composed large cassette kept every window alive; here each mark keeps its place
 * only. End marks, which only {@link LineSeparators} reads, are replaced by the start mark unless it
 * needs them: a cassette composes to millions of nodes, and each mark costs about 60 bytes.
 */
final class GuardedParser implements Parser {
  /** A cassette nests six levels (root, interactions, interaction, request, headers, values). */
  static final int MAX_DEPTH = 32;

  /** The text behind every light mark: none. */
  private static final int[] NO_TEXT = new int[0];

  private final Parser delegate;
  private final Source source;
  private final boolean keepEndMarks;
  private int depth;
  private int documents;

  /** @param keepEndMarks whether nodes keep their end marks, which {@link LineSeparators} needs */
  GuardedParser(Parser delegate, Source source, boolean keepEndMarks) {
    this.delegate = delegate;
    this.source = source;
    this.keepEndMarks = keepEndMarks;
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
    return lightened(event);
  }

  private Event lightened(Event event) {
    Optional<Mark> start = light(event.getStartMark());
    // snakeyaml wants both marks or neither: the start stands in for the end, sharing its objects.
    Optional<Mark> end = keepEndMarks ? light(event.getEndMark()) : start;
    switch (event.getEventId()) {
      case Scalar: {
        ScalarEvent e = (ScalarEvent) event;
        return new ScalarEvent(e.getAnchor(), e.getTag(), e.getImplicit(), e.getValue(), e.getScalarStyle(),
            start, end);
      }
      case MappingStart: {
        MappingStartEvent e = (MappingStartEvent) event;
        return new MappingStartEvent(e.getAnchor(), e.getTag(), e.isImplicit(), e.getFlowStyle(), start, end);
      }
      case SequenceStart: {
        SequenceStartEvent e = (SequenceStartEvent) event;
        return new SequenceStartEvent(e.getAnchor(), e.getTag(), e.isImplicit(), e.getFlowStyle(), start, end);
      }
      case MappingEnd:
        return new MappingEndEvent(start, end);
      case SequenceEnd:
        return new SequenceEndEvent(start, end);
      default:
        return event;
    }
  }

  private static Optional<Mark> light(Optional<Mark> mark) {
    if (mark.isEmpty()) return mark;
    Mark m = mark.get();
    return Optional.of(new Mark(m.getName(), m.getIndex(), m.getLine(), m.getColumn(), NO_TEXT, 0));
  }

  private void refuseAnchor(NodeEvent event) {
    if (event.getAnchor().isPresent()) {
      throw source.problem(event.getStartMark(),
          "found the anchor &" + event.getAnchor().get().getValue()
              + "; cassettes do not use anchors or aliases: remove it and write values out in full");
    }
  }
}
