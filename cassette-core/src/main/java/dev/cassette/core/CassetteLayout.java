package dev.cassette.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a new cassette file looks: the layout and field profile of the Go program whose files it should
 * match, so that a team that also saves cassettes from Go does not see every line change when Go saves a
 * file Java recorded. The content is the same in each; go-vcr and fantasy read all of them.
 *
 * <p>Only new files take it. A cassette loaded from a file keeps that file's own layout and profile,
 * however it is saved again, so that a file never changes shape because another program saved it.
 */
public enum CassetteLayout {
  /**
   * fantasy's ({@code charmbracelet/x/vcr}) and most files': indent 2, a sequence starting at its key's
   * column, empty optional fields omitted. The default.
   */
  COMPACT("compact", Layout.COMPACT, FieldProfile.MODERN),

  /**
   * What go-vcr's own {@code Save} writes ({@code yaml.Marshal}): indent 4, sequences indented under
   * their key, empty optional fields omitted. Exactly go-vcr v4.0.6 and later, which write with
   * {@code go.yaml.in/yaml/v4}; v4.0.3 to v4.0.5 wrote real cassettes alike, their older YAML library
   * differing only in corner cases such as a string that starts with a line break.
   */
  GO_VCR("go-vcr", Layout.INDENTED, FieldProfile.MODERN),

  /** What go-vcr v4.0.0 to v4.0.2 wrote: go-vcr's indent 4, and every field, empty ones too. */
  GO_VCR_LEGACY("go-vcr-legacy", Layout.INDENTED, FieldProfile.LEGACY);

  private final String shortName;
  private final Layout layout;
  private final FieldProfile profile;

  CassetteLayout(String shortName, Layout layout, FieldProfile profile) {
    this.shortName = shortName;
    this.layout = layout;
    this.profile = profile;
  }

  /** The name used in system properties, e.g. {@code go-vcr}. */
  public String shortName() {
    return shortName;
  }

  /** The indentation it writes. */
  public Layout layout() {
    return layout;
  }

  /** Which empty fields it writes. */
  public FieldProfile profile() {
    return profile;
  }

  /**
   * The layout for a short name ({@code compact}, {@code go-vcr}, {@code go-vcr-legacy}) or a constant
   * name ({@code GO_VCR}), ignoring case.
   *
   * @throws IllegalArgumentException naming the valid names
   */
  public static CassetteLayout fromName(String name) {
    String wanted = name.strip();
    for (CassetteLayout layout : values()) {
      if (layout.shortName.equalsIgnoreCase(wanted) || layout.name().equalsIgnoreCase(wanted)) return layout;
    }
    throw new IllegalArgumentException("unknown cassette layout '" + name + "': use one of "
        + Arrays.stream(values()).map(CassetteLayout::shortName).collect(Collectors.joining(", ")));
  }
}
