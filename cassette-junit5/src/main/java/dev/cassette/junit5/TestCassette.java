package dev.cassette.junit5;

import dev.cassette.core.CassetteLayout;
import dev.cassette.core.Mode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Which cassette one test uses and how: its file, mode and strictness, decided from the
 * {@link UseCassette} annotations around the test, the extension's builder settings and the environment.
 */
final class TestCassette {
  static final String DEFAULT_DIR = "src/test/resources/cassettes";
  /** The JUnit configuration parameter that moves the default directory for a whole run. */
  static final String DIR_PARAMETER = "cassette.dir";
  /** The system property and JUnit configuration parameter that choose the layout of new cassettes. */
  static final String LAYOUT_PROPERTY = "cassette.layout";

  /** Invocations of test templates (parameterized, repeated) and class templates in a unique id. */
  private static final Pattern INVOCATION = Pattern.compile("\\[[a-z-]+-invocation:#(\\d+)]");

  private final Path file;
  private final ModeResolver.ResolvedMode mode;
  private final boolean allowUnused;
  private final boolean allowRepeats;
  private final CassetteLayout layout;
  private final Class<?> testClass;
  private final Method testMethod;
  private final Network network;

  private TestCassette(Path file, ModeResolver.ResolvedMode mode, boolean allowUnused,
      boolean allowRepeats, CassetteLayout layout, Class<?> testClass, Method testMethod, Network network) {
    this.network = network;
    this.file = file;
    this.mode = mode;
    this.allowUnused = allowUnused;
    this.allowRepeats = allowRepeats;
    this.layout = layout;
    this.testClass = testClass;
    this.testMethod = testMethod;
  }

  /**
   * @param defaults the extension's builder settings, which annotations override
   * @throws IllegalArgumentException when an annotation or setting is invalid
   */
  static TestCassette of(ExtensionContext context, CassetteExtension defaults) {
    List<UseCassette> annotations = annotationsOutwards(context);
    String name = "";
    String dir = "";
    Mode pinned = null;
    String pinnedBy = null;
    boolean allowUnused = defaults.allowUnused;
    boolean allowRepeats = defaults.allowRepeats;
    for (UseCassette a : annotations) {
      if (name.isEmpty()) name = a.value().strip();
      if (dir.isEmpty()) dir = a.dir().strip();
      if (pinned == null && a.mode().length > 0) {
        if (a.mode().length > 1) {
          throw new IllegalArgumentException("@UseCassette(mode) takes one mode, not "
              + List.of(a.mode()) + ", on " + context.getRequiredTestMethod());
        }
        pinned = a.mode()[0];
        pinnedBy = "@UseCassette(mode = " + pinned + ")";
      }
      allowUnused |= a.allowUnused();
      allowRepeats |= a.allowRepeats();
    }
    if (pinned == null && defaults.mode != null) {
      pinned = defaults.mode;
      pinnedBy = "CassetteExtension.builder().mode(" + pinned + ")";
    }
    if (name.isEmpty()) name = defaultName(context);
    if (!dir.isEmpty()) checkDir(dir, pinned, context);
    Path directory = !dir.isEmpty() ? Path.of(dir)
        : defaults.dir != null ? defaults.dir
        : Path.of(context.getConfigurationParameter(DIR_PARAMETER).orElse(DEFAULT_DIR));
    Path file = inside(directory, name, context);

    ModeResolver resolver = new ModeResolver(defaults.environment, context::getConfigurationParameter);
    ModeResolver.ResolvedMode mode = resolver.resolve(Optional.ofNullable(pinned), pinnedBy);
    return new TestCassette(file, mode, allowUnused, allowRepeats, layout(annotations, context, defaults),
        context.getRequiredTestClass(), context.getRequiredTestMethod(), network(annotations, defaults));
  }

  /**
   * What this test's cassette does with the network beyond its mode: the nearest {@code upstream} and
   * {@code maxBytes}, loopback refused when any annotation or the builder says so, and every ignored host
   * of the annotations and the builder together.
   */
  private static Network network(List<UseCassette> annotations, CassetteExtension defaults) {
    String upstream = "";
    long maxBytes = 0;
    boolean refuseLoopback = defaults.refuseLoopback;
    Set<String> ignoreHosts = new LinkedHashSet<>(defaults.ignoreHosts);
    for (UseCassette a : annotations) {
      if (upstream.isEmpty()) upstream = a.upstream().strip();
      if (maxBytes <= 0) maxBytes = a.maxBytes();
      refuseLoopback |= a.refuseLoopback();
      ignoreHosts.addAll(List.of(a.ignoreHosts()));
    }
    if (maxBytes <= 0) maxBytes = defaults.maxCassetteBytes;
    return new Network(upstream, maxBytes, refuseLoopback, List.copyOf(ignoreHosts));
  }

  /**
   * @param upstream the base URL a {@code CassetteServer} parameter stands in for; empty when none
   * @param maxBytes the largest cassette to load; 0 for the reader's default
   * @param refuseLoopback whether the replay guard refuses loopback too
   * @param ignoreHosts hosts left alone in every mode
   */
  record Network(String upstream, long maxBytes, boolean refuseLoopback, List<String> ignoreHosts) {}

  Network network() {
    return network;
  }

  /**
   * The layout of a new cassette: the nearest {@code @UseCassette(layout)}, the builder's, the system
   * property {@code cassette.layout}, the configuration parameter {@code cassette.layout}, else compact.
   */
  private static CassetteLayout layout(
      List<UseCassette> annotations, ExtensionContext context, CassetteExtension defaults) {
    for (UseCassette a : annotations) {
      if (a.layout().length > 1) {
        throw new IllegalArgumentException("@UseCassette(layout) takes one layout, not "
            + List.of(a.layout()) + ", on " + context.getRequiredTestMethod());
      }
      if (a.layout().length == 1) return a.layout()[0];
    }
    if (defaults.layout != null) return defaults.layout;
    String property = defaults.environment.systemProperty(LAYOUT_PROPERTY);
    String source = "system property " + LAYOUT_PROPERTY;
    if (property == null || property.isBlank()) {
      property = context.getConfigurationParameter(LAYOUT_PROPERTY).orElse(null);
      source = "configuration parameter " + LAYOUT_PROPERTY;
    }
    if (property == null || property.isBlank()) return CassetteLayout.COMPACT;
    try {
      return CassetteLayout.fromName(property);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * The cassette file for a name, which must stay inside the directory: a name such as {@code ../../x}
   * or {@code /etc/x} (perhaps built from test data) would otherwise make a recording write anywhere.
   */
  private static Path inside(Path directory, String name, ExtensionContext context) {
    Path base = directory.normalize();
    Path file = base.resolve(name.endsWith(".yaml") ? name : name + ".yaml").normalize();
    if (Path.of(name).isAbsolute() || !file.startsWith(base) || file.equals(base)) {
      throw new IllegalArgumentException("@UseCassette(\"" + name + "\") on "
          + context.getRequiredTestMethod()
          + " names " + file + ", outside the cassette directory " + base + "; a cassette name is a path"
          + " inside that directory (no leading '/', no '..' that climbs out of it), so that recording"
          + " cannot write elsewhere: use a name such as \"provider/chat\"");
    }
    return file;
  }

  /**
   * A {@code dir} on one test may not lead out of the module's directory (absolute, or climbing out with
   * {@code ..}), since a recording writes there, unless the test is pinned to {@code REPLAY_ONLY} and so
   * only ever reads (the project's examples read {@code ../fixtures}). A directory for a whole run is set
   * by whoever owns the build, with {@code cassette.dir} or {@link CassetteExtension.Builder#dir}.
   */
  private static void checkDir(String dir, Mode pinned, ExtensionContext context) {
    Path path = Path.of(dir);
    boolean leaves = path.isAbsolute() || path.normalize().startsWith("..");
    if (leaves && pinned != Mode.REPLAY_ONLY) {
      throw new IllegalArgumentException("@UseCassette(dir = \"" + dir + "\") on "
          + context.getRequiredTestMethod() + " leads outside the module's directory, where recording this"
          + " test would write; keep cassettes under the module (e.g. dir = \"src/test/resources/cassettes\"),"
          + " pin mode = REPLAY_ONLY for a folder that is only read, or set the directory for the whole"
          + " run with the JUnit configuration parameter " + DIR_PARAMETER
          + " or CassetteExtension.builder().dir(...)");
    }
  }

  /** The annotations on the test method, its class and the classes enclosing it, nearest first. */
  private static List<UseCassette> annotationsOutwards(ExtensionContext context) {
    List<UseCassette> found = new ArrayList<>();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isEmpty()) continue;
      AnnotationSupport.findAnnotation(element.get(), UseCassette.class).ifPresent(found::add);
    }
    return found;
  }

  /**
   * {@code <TestClassSimpleName>/<testMethodName>}, a directory per class enclosing a {@code @Nested}
   * one, and {@code -<n>} per template invocation (parameterized or repeated test, parameterized class).
   */
  static String defaultName(ExtensionContext context) {
    StringBuilder name = new StringBuilder();
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = nestedIn(c)) {
      name.insert(0, c.getSimpleName() + "/");
    }
    name.append(context.getRequiredTestMethod().getName());
    Matcher invocation = INVOCATION.matcher(context.getUniqueId());
    while (invocation.find()) name.append('-').append(invocation.group(1));
    return name.toString();
  }

  private static Class<?> nestedIn(Class<?> c) {
    return c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null;
  }

  Path file() {
    return file;
  }

  Mode mode() {
    return mode.mode();
  }

  boolean allowUnused() {
    return allowUnused;
  }

  boolean allowRepeats() {
    return allowRepeats;
  }

  /** How the cassette file looks if this test creates it. */
  CassetteLayout layout() {
    return layout;
  }

  /** Why the file must exist, and the exact command that records it. */
  String missingMessage() {
    String path = file.toAbsolutePath().toString();
    StringBuilder message = new StringBuilder()
        .append("cassette not found: ").append(path).append('\n')
        .append("The mode is ").append(mode.mode()).append(" (").append(mode.source())
        .append("), which replays only and never records.\n");
    if (mode.pinned()) {
      message.append("Remove ").append(mode.source()).append(" from ").append(testName())
          .append(", then record it with network access and real credentials:\n");
    } else {
      message.append("Record it once with network access and real credentials, then commit the file:\n");
    }
    return message.append("  ").append(recordCommand()).toString();
  }

  /**
   * What fixes a request that no longer matches: recording this test again. Not new-episodes, which
   * only appends: the recording of the changed request would stay in the file unused and fail the test
   * (see {@code allowUnused}) in that run and in CI after.
   */
  String reRecordHint() {
    return "To fix it, record this test again against the real service" + run(recordCommand());
  }

  /** How to replay what a failed test recorded while its author fixes it; {@code what} is "it" or "them". */
  String replayHint(String what) {
    return "To replay " + what + " while you fix the test" + run(command(Mode.REPLAY_ONLY));
  }

  /** ", then run: command", after unpinning the mode when the command line cannot change it. */
  private String run(String command) {
    if (mode.pinned()) return ", remove " + mode.source() + " from " + testName() + ", then run: " + command;
    return ": " + command;
  }

  /** {@code mvn test -Dtest=Class#method -Dcassette.mode=record}, quoted for a POSIX shell if needed. */
  String recordCommand() {
    return command(Mode.RECORD_ONLY);
  }

  private String command(Mode mode) {
    String test = "-Dtest=" + testName();
    if (test.contains("$")) test = "'" + test + "'";
    return "mvn test " + test + " -D" + ModeResolver.PROPERTY + "=" + mode.shortName();
  }

  /** {@code Class#method}, as Surefire's {@code -Dtest} takes it. */
  String testName() {
    return binarySimpleName(testClass) + "#" + testMethod.getName();
  }

  /** {@code Outer$Inner}: the class name Surefire's {@code -Dtest} matches, without the package. */
  private static String binarySimpleName(Class<?> c) {
    String name = c.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
