package dev.cassette.cli;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteFormatException;
import dev.cassette.core.Interaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code cassette diff [--all] OLD NEW} and {@code cassette diff [--all] FILE} (against the file's
 * version in git {@code HEAD}): what a re-record changed, for review. Interactions are paired by their
 * request (see {@link InteractionPairing}), so an added, removed or reordered interaction is reported as
 * such instead of shifting every later one; each pair is compared as {@link InteractionComparison} says.
 * Volatile values (ids, timestamps, fingerprints, durations) are hidden unless {@code --all} is given.
 *
 * <p>Exit status, as {@code diff(1)}: 0 when the recordings are equivalent, 1 when they differ, 2 on a
 * wrong command line or a file that cannot be read or parsed.
 */
final class DiffCommand implements Command {
  private final StreamReassembler reassembler = new StreamReassembler();

  @Override
  public String name() {
    return "diff";
  }

  @Override
  public String synopsis() {
    return "diff [--all] OLD [NEW]";
  }

  @Override
  public String description() {
    return "what a re-record changed; one FILE: against git HEAD; --all adds volatile values";
  }

  /** One side of the comparison: how to call it, and the cassette or why there is none. */
  private record Side(String label, Cassette cassette, String problem) {}

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    boolean all = false;
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--all")) all = true;
      else if (arg.startsWith("-")) throw new UsageException("diff: unknown option " + arg);
      else files.add(arg);
    }
    if (files.isEmpty() || files.size() > 2) {
      throw new UsageException("diff: expected OLD NEW, or one FILE to compare with git HEAD; got " + files.size()
          + (files.size() == 1 ? " path" : " paths"));
    }
    for (String file : files) requireFile(Path.of(file));

    Side before;
    Side after;
    if (files.size() == 2) {
      before = load(Path.of(files.get(0)));
      after = load(Path.of(files.get(1)));
    } else {
      Path path = Path.of(files.get(0));
      before = loadHead(path);
      after = before.problem() == null ? load(path) : null;
    }
    for (Side side : new Side[] {before, after}) {
      if (side != null && side.problem() != null) {
        err.println(ControlCharacters.escape(side.problem()));
        return USAGE;
      }
    }
    return print(before, after, all, out);
  }

  private static void requireFile(Path path) throws UsageException {
    if (!Files.exists(path)) throw new UsageException(path + ": no such file");
    if (Files.isDirectory(path)) throw new UsageException(path + ": is a folder; diff compares two files");
  }

  private static Side load(Path path) {
    CassetteFile file = CassetteFile.read(path);
    return new Side(path.toString(), file.cassette().orElse(null), file.problem());
  }

  /** The committed version, named {@code HEAD:FILE} as git names it, also in parse errors. */
  private static Side loadHead(Path path) {
    GitHeadVersion.Result head = GitHeadVersion.read(path);
    String label = "HEAD:" + path;
    if (head.problem() != null) return new Side(label, null, head.problem());
    try {
      return new Side(label, Cassette.load(new ByteArrayInputStream(head.bytes()), label), null);
    } catch (CassetteFormatException e) {
      return new Side(label, null, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return new Side(label, null, label + ": cannot read: " + e.getMessage());
    }
  }

  /** One block of the report, placed by {@code order} so that removed interactions show where they were. */
  private record Entry(double order, List<String> lines) {}

  private int print(Side before, Side after, boolean all, PrintStream out) {
    List<Interaction> a = before.cassette().interactions();
    List<Interaction> b = after.cassette().interactions();
    List<InteractionPairing.Pair> pairs = InteractionPairing.pair(a, b);

    List<Entry> entries = new ArrayList<>();
    int changed = 0;
    int moved = 0;
    int unchanged = 0;
    int hidden = 0;
    boolean[] pairedBefore = new boolean[a.size()];
    boolean[] pairedAfter = new boolean[b.size()];
    double[] placeOfBefore = new double[a.size()];
    for (InteractionPairing.Pair pair : pairs) {
      pairedBefore[pair.before()] = true;
      pairedAfter[pair.after()] = true;
      placeOfBefore[pair.before()] = pair.after();
      List<Finding> findings = InteractionComparison.compare(a.get(pair.before()), b.get(pair.after()), reassembler);
      boolean isChanged = findings.stream().anyMatch(f -> !f.isVolatile());
      if (isChanged) changed++;
      if (pair.moved()) moved++;
      if (!isChanged && !pair.moved()) unchanged++;
      List<String> lines = new ArrayList<>();
      for (Finding finding : findings) {
        if (finding.isVolatile() && !all) {
          hidden++;
          continue;
        }
        lines.add("  " + finding.heading() + (finding.isVolatile() ? " (volatile)" : ""));
        for (String line : finding.lines()) lines.add("    " + line);
      }
      if (lines.isEmpty() && !pair.moved()) continue;
      String index = pair.before() == pair.after() ? "#" + pair.after() : "#" + pair.before() + " -> #" + pair.after();
      lines.add(0, index + " " + request(b.get(pair.after())) + (pair.moved() ? " (moved)" : ""));
      entries.add(new Entry(pair.after(), lines));
    }
    int added = 0;
    for (int j = 0; j < b.size(); j++) {
      if (pairedAfter[j]) continue;
      added++;
      entries.add(new Entry(j, List.of("added #" + j + " " + request(b.get(j)) + " -> " + status(b.get(j)))));
    }
    int removed = 0;
    double place = -1;
    for (int i = 0; i < a.size(); i++) {
      if (pairedBefore[i]) {
        place = placeOfBefore[i];
        continue;
      }
      removed++;
      // just after the new position of the interaction that preceded it in the old file
      entries.add(new Entry(place + 0.5, List.of("removed #" + i + " " + request(a.get(i)) + " -> " + status(a.get(i)))));
    }
    entries.sort(Comparator.comparingDouble(Entry::order));

    out.println("--- " + ControlCharacters.escape(before.label()));
    out.println("+++ " + ControlCharacters.escape(after.label()));
    for (Entry entry : entries) entry.lines().forEach(out::println);
    StringBuilder summary = new StringBuilder()
        .append(a.size()).append(" -> ").append(b.size()).append(b.size() == 1 ? " interaction: " : " interactions: ")
        .append(changed).append(" changed, ").append(added).append(" added, ").append(removed).append(" removed, ")
        .append(moved).append(" moved, ").append(unchanged).append(" unchanged");
    if (hidden > 0) {
      summary.append("; ").append(hidden).append(hidden == 1 ? " volatile difference" : " volatile differences")
          .append(" hidden (--all shows them)");
    }
    out.println(summary);
    return changed + added + removed + moved > 0 ? FAILED : OK;
  }

  private static String request(Interaction interaction) {
    return ControlCharacters.escape(interaction.request().method() + " " + interaction.request().url());
  }

  private static String status(Interaction interaction) {
    return ControlCharacters.escape(interaction.response().status());
  }
}
