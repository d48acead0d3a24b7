package dev.cassette.core;

import dev.cassette.core.yaml.CassetteReader;
import dev.cassette.core.yaml.CassetteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A go-vcr cassette (format version 2): the recorded interactions, plus the layout and field profile
 * the file was written in, so that a cassette loaded and saved unchanged keeps every byte.
 *
 * <p>Immutable; {@link #toBuilder()} makes a changed copy. New cassettes use the {@link Layout#COMPACT}
 * layout and the {@link FieldProfile#MODERN} profile, as current go-vcr and fantasy write them.
 */
public final class Cassette {
  /** The only format version this library reads and writes. */
  public static final int VERSION = 2;

  private final List<Interaction> interactions;
  private final Layout layout;
  private final FieldProfile profile;

  private Cassette(Builder b) {
    this.interactions = List.copyOf(b.interactions);
    this.layout = b.layout;
    this.profile = b.profile;
  }

  /** A builder for a new, empty cassette in the compact layout and modern profile. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Reads a cassette file.
   *
   * @throws CassetteFormatException when the file is not a valid version 2 cassette; the message names
   *     the file, line and column
   * @throws IOException when the file cannot be read
   */
  public static Cassette load(Path file) throws IOException {
    return new CassetteReader().read(file);
  }

  /**
   * Reads a cassette from a stream, which is read to its end but not closed.
   *
   * @param source names the input in error messages, e.g. a file or resource name
   */
  public static Cassette load(InputStream in, String source) throws IOException {
    return new CassetteReader().read(in, source);
  }

  /** Reads a cassette from YAML text; errors name the source {@code <string>}. */
  public static Cassette parse(String yaml) {
    return new CassetteReader().read(yaml, "<string>");
  }

  /** The interactions in file order; an interaction's index is its {@code id}. */
  public List<Interaction> interactions() {
    return interactions;
  }

  public Layout layout() {
    return layout;
  }

  public FieldProfile profile() {
    return profile;
  }

  /** The cassette as go-vcr writes it: {@code ---} and the document, in this cassette's layout and profile. */
  public String toYaml() {
    return CassetteWriter.write(this);
  }

  /**
   * Writes the cassette to a file atomically: a temporary file beside it is written, forced to disk and
   * renamed over the target, so a crash or a failed write never leaves a truncated cassette. Missing
   * parent directories are created.
   */
  public void save(Path file) throws IOException {
    saveCounting(file);
  }

  /** {@link #save}, returning the number of bytes written. */
  long saveCounting(Path file) throws IOException {
    long[] written = {0};
    AtomicFile.write(file, out -> {
      // The text is encoded as the writer makes it: a cassette holding a large body is never held
      // whole, as text or as bytes, besides the body itself.
      OutputStream counting = new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          written[0] += len;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          written[0]++;
        }
      };
      Writer writer = new OutputStreamWriter(counting, StandardCharsets.UTF_8);
      CassetteWriter.write(this, writer);
      writer.flush();
    });
    return written[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cassette c && interactions.equals(c.interactions) && layout == c.layout
        && profile == c.profile;
  }

  @Override
  public int hashCode() {
    return Objects.hash(interactions, layout, profile);
  }

  @Override
  public String toString() {
    return "Cassette(" + interactions.size() + " interactions, " + layout + ", " + profile + ")";
  }

  public static final class Builder {
    private final List<Interaction> interactions = new ArrayList<>();
    private Layout layout = Layout.COMPACT;
    private FieldProfile profile = FieldProfile.MODERN;

    private Builder() {}

    private Builder(Cassette c) {
      interactions.addAll(c.interactions);
      layout = c.layout;
      profile = c.profile;
    }

    public Builder layout(Layout layout) { this.layout = Objects.requireNonNull(layout); return this; }
    public Builder profile(FieldProfile profile) { this.profile = Objects.requireNonNull(profile); return this; }

    /** Appends one interaction. */
    public Builder add(Interaction interaction) {
      interactions.add(Objects.requireNonNull(interaction));
      return this;
    }

    /** Appends one interaction. */
    public Builder add(Request request, Response response) {
      return add(Interaction.of(request, response));
    }

    /** Replaces all interactions. */
    public Builder interactions(List<Interaction> interactions) {
      this.interactions.clear();
      interactions.forEach(this::add);
      return this;
    }

    public Cassette build() {
      return new Cassette(this);
    }
  }
}
