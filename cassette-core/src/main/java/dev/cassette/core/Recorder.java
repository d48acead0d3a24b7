package dev.cassette.core;

import dev.cassette.core.yaml.CassetteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Records HTTP interactions into a cassette file and replays them, independent of any HTTP client.
 * Client adapters (such as {@code dev.cassette.okhttp.CassetteInterceptor}) ask {@link #route(Request)}
 * what to do with each request and hand recorded exchanges to {@link #record(Request, Response)}.
 *
 * <p>The {@link Mode} decides whether the file is loaded, whether unmatched requests reach the network
 * and whether {@link #stop()} saves; see its table. Replay serves each loaded interaction once, the first
 * unused one that matches in file order, unless {@linkplain Builder#allowRepeats repeats are allowed}.
 * Interactions recorded during this session are not replayed in it: a request sent twice is recorded
 * twice, as a fresh recording would hold it.
 *
 * <p>Every recorded exchange and every live request passes through the {@link Redaction} first, so no
 * secret it knows reaches the file and a request carrying a real key still matches its redacted
 * recording. Then the hooks, when set: {@link Builder#beforeSave beforeSave} on each recorded
 * interaction, {@link Builder#beforeReplay beforeReplay} on each replayed one.
 *
 * <p>Several JVMs may record into one cassette at once (Surefire's {@code forkCount}): {@link #stop()}
 * holds an operating-system lock on the cassette while it reads the file again, adds what this recorder
 * recorded to what is there now and saves. In {@link Mode#REPLAY_WITH_NEW_EPISODES} nothing any of them
 * recorded is lost; in {@link Mode#RECORD_ONCE} the file ends as if they had run one after the other:
 * the first to save records it, and the others, which would then have found it, leave it as it is.
 *
 * <p>Thread-safe: requests may be routed and recorded from many threads; recorded interactions keep the
 * order in which {@link #record} was called. Lookups use the matcher's index keys, so their cost does
 * not grow with the cassette.
 */
public final class Recorder implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

  private final Path path;
  private final Mode mode;
  private final Matcher matcher;
  private final Redaction redaction;
  private final Pacing pacing;
  private final UnaryOperator<Interaction> beforeSave;
  private final UnaryOperator<Interaction> beforeReplay;
  /** Unmatched requests go to the network and are recorded. */
  private final boolean recording;
  /** Requests are looked up in the loaded cassette first. */
  private final boolean replaying;
  private final boolean saveAtStop;
  private final Layout layout;
  private final FieldProfile profile;
  private final CassetteReader reader;
  private final IgnoredHosts ignoredHosts;
  private final Duration lockTimeout;
  /** The loaded interactions came from {@link Builder#cassette}, not from the file. */
  private final boolean preloaded;
  /** The file as it was when loaded (identity, size, time), or null: unchanged, it needs no re-reading. */
  private final FileStamp loadedStamp;

  private final Object lock = new Object();
  /** Loaded interactions; guarded by {@link #lock}. */
  private final InteractionIndex index;
  /** Guarded by {@link #lock}. */
  private final List<Interaction> recorded = new ArrayList<>();
  /** Guarded by {@link #lock}. */
  private boolean stopped;

  private Recorder(Builder b, Cassette loaded, boolean fileExisted) {
    this.path = b.path;
    this.mode = b.mode;
    this.matcher = b.matcher;
    this.redaction = b.redaction;
    this.pacing = b.pacing;
    this.beforeSave = b.beforeSave;
    this.beforeReplay = b.beforeReplay;
    this.reader = b.reader;
    this.lockTimeout = b.lockTimeout;
    this.preloaded = b.preloaded != null;
    this.ignoredHosts = IgnoredHosts.of(b.ignoredHosts);
    this.loadedStamp = b.loadedStamp;
    switch (mode) {
      case RECORD_ONLY -> { recording = true; replaying = false; saveAtStop = true; }
      case REPLAY_ONLY -> { recording = false; replaying = true; saveAtStop = false; }
      case REPLAY_WITH_NEW_EPISODES -> { recording = true; replaying = true; saveAtStop = true; }
      case RECORD_ONCE -> { recording = !fileExisted; replaying = fileExisted; saveAtStop = !fileExisted; }
      case PASSTHROUGH -> { recording = false; replaying = false; saveAtStop = false; }
      default -> throw new AssertionError(mode);
    }
    this.layout = loaded != null ? loaded.layout() : b.layout.layout();
    this.profile = loaded != null ? loaded.profile() : b.layout.profile();
    this.index = new InteractionIndex(
        loaded != null ? loaded.interactions() : List.of(), matcher, redaction, b.allowRepeats);
  }

  /** A builder for a recorder on this cassette file. */
  public static Builder builder(Path cassetteFile) {
    return new Builder(cassetteFile);
  }

  /** The cassette file. */
  public Path path() {
    return path;
  }

  /** What this recorder does with the network and the file. */
  public Mode mode() {
    return mode;
  }

  /** How fast client adapters deliver replayed responses. */
  public Pacing pacing() {
    return pacing;
  }

  /**
   * True when unmatched requests go to the real network and are recorded: tests use it to pass real
   * credentials only while recording. True in {@link Mode#RECORD_ONLY}, {@link Mode#REPLAY_WITH_NEW_EPISODES}
   * and in {@link Mode#RECORD_ONCE} when the file did not exist.
   */
  public boolean isRecording() {
    return recording;
  }

  /**
   * Decides what to do with a live request: replay a recorded interaction (now used), or send it to the
   * network and record it or not.
   *
   * @throws NoMatchingInteractionException when the mode allows only replay and nothing matches; the
   *     message names the cassette, the request, the nearest recorded ones and how to re-record
   * @throws HookFailedException when the {@link Builder#beforeReplay beforeReplay} hook fails
   * @throws IllegalStateException after {@link #stop()}
   */
  public Route route(Request request) throws NoMatchingInteractionException {
    Objects.requireNonNull(request, "request");
    if (!replaying || ignoredHosts.covers(request.url())) {
      synchronized (lock) {
        checkOpen("route");
      }
      return Route.network(recording && !ignoredHosts.covers(request.url()));
    }
    Request live = redaction.redact(request);
    Object key = index.keyOf(live);
    Interaction hit;
    synchronized (lock) {
      checkOpen("route");
      hit = index.take(live, key);
      if (hit == null) {
        if (recording) return Route.network(true);
        throw new NoMatchingInteractionException(
            new MismatchReport(path, mode, matcher, index).describe(live), MismatchReport.ADVICE);
      }
    }
    // outside the lock: a hook is the user's code and may take its time
    return Route.replay(apply(beforeReplay, "beforeReplay", hit));
  }

  /**
   * Adds a completed live exchange to the cassette, after canonicalizing header names as Go does and
   * applying the {@link Redaction}. Called for requests whose {@link Route#shouldRecord()} is true.
   *
   * @throws HookFailedException when the {@link Builder#beforeSave beforeSave} hook fails; nothing is
   *     recorded then
   * @throws IllegalStateException after {@link #stop()}, or when this recorder does not record
   */
  public void record(Request request, Response response) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    Interaction clean = Interaction.of(redaction.redact(canonicalHeaders(request)),
        redaction.redact(canonicalHeaders(response)));
    Interaction saved = apply(beforeSave, "beforeSave", clean);
    synchronized (lock) {
      checkOpen("record");
      if (!recording) {
        throw new IllegalStateException("recorder for " + path + " is in mode " + mode
            + (mode == Mode.RECORD_ONCE ? " with an existing cassette" : "")
            + " and does not record: only call record() when route() returned a Route that shouldRecord()");
      }
      recorded.add(saved);
    }
  }

  /**
   * Interactions recorded by this recorder, in the order {@link #record} was called: what a save would
   * add to the file. A caller that must decide whether a save is worth it (a failed test) looks here.
   */
  public List<Interaction> recordedInteractions() {
    synchronized (lock) {
      return List.copyOf(recorded);
    }
  }

  /** Interactions loaded from the file that were never replayed, in file order. */
  public List<Interaction> unusedInteractions() {
    synchronized (lock) {
      return index.unused();
    }
  }

  /**
   * The cassette as it stands now: loaded interactions plus those recorded so far, in the layout and
   * field profile of the loaded file, or those of {@link Builder#layout} for a new one. In {@link Mode#RECORD_ONLY} and
   * {@link Mode#PASSTHROUGH} nothing is loaded.
   */
  public Cassette cassette() {
    synchronized (lock) {
      Cassette.Builder b = Cassette.builder().layout(layout).profile(profile);
      for (int i = 0; i < index.size(); i++) b.add(index.interaction(i));
      recorded.forEach(b::add);
      return b.build();
    }
  }

  /**
   * Stops recording and saves the cassette as the mode says, atomically (see {@link Cassette#save}).
   * Idempotent: later calls do nothing.
   *
   * <p>The save holds the cassette's lock (see the class comment) for at most the
   * {@linkplain Builder#lockTimeout lock timeout} and reads the file again under it, so that what other
   * JVMs saved meanwhile is kept: in {@link Mode#REPLAY_WITH_NEW_EPISODES} this recorder's new
   * interactions are added after the file's current ones; in {@link Mode#RECORD_ONCE} a file another
   * JVM recorded meanwhile is left as it is (a warning says so); {@link Mode#RECORD_ONLY} replaces it.
   *
   * @throws UncheckedIOException when the cassette cannot be saved, the lock cannot be had in time or
   *     the file changed into something unreadable; the file is then left as it was, and the recorder is
   *     stopped all the same
   */
  public void stop() {
    synchronized (lock) {
      if (stopped) return;
      stopped = true;
      if (!saveAtStop) return;
      try (CassetteLock held = CassetteLock.acquire(path, lockTimeout)) {
        Cassette merged = mergeWithFile();
        if (merged != null) saveChecked(merged);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }

  /**
   * What to save, given the file as it is now (the lock is held): null when the file is to be left as
   * it is. Guarded by {@link #lock}.
   */
  private Cassette mergeWithFile() throws IOException {
    if (mode == Mode.RECORD_ONLY || preloaded || !Files.exists(path)) return cassette();
    if (mode == Mode.RECORD_ONCE) {
      LOG.log(Level.WARNING, "cassette: " + path + " was saved by another JVM or thread while this recorder"
          + " recorded it (mode RECORD_ONCE); it is kept as it is, as if this run had come second and"
          + " found it, and the " + recorded.size() + " interactions recorded here are not saved");
      return null;
    }
    // Every save replaces the file by a rename, so a file with the identity, size and time it had when
    // loaded is the one loaded: what is loaded is what is there.
    if (loadedStamp != null && loadedStamp.equals(FileStamp.of(path))) return cassette();
    Cassette now;
    try {
      now = reader.read(path);
    } catch (CassetteFormatException e) {
      throw new IOException("cannot save cassette " + path + ": it changed since it was loaded and cannot be"
          + " read now, so adding to it would lose it; nothing was written. " + e.getMessage(), e);
    }
    Cassette.Builder b = now.toBuilder();
    recorded.forEach(b::add);
    return b.build();
  }

  private void saveChecked(Cassette cassette) throws IOException {
    long bytes = cassette.saveCounting(path);
    if (bytes > reader.maxBytes()) {
      LOG.log(Level.WARNING, "cassette: saved " + path + ", " + bytes + " bytes, over the limit of "
          + reader.maxBytes() + " bytes that loading it applies; load it with"
          + " Recorder.Builder.maxCassetteBytes or -D" + CassetteReader.MAX_BYTES_PROPERTY + "=...");
    }
  }

  /**
   * The hosts given to {@link Builder#ignoreHosts}, in lower case: requests to them go to the network
   * untouched. A replay guard lets them through.
   */
  public Set<String> ignoredHosts() {
    return ignoredHosts.names();
  }

  /** What tells one version of a file from the next: its identity (inode), size and modification time. */
  private record FileStamp(Object key, long size, FileTime modified) {
    /** The stamp of the file now, or null when it is missing or has no identity (Windows). */
    static FileStamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() == null ? null : new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime());
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "Recorder(" + path + ", " + mode + ")";
  }

  /** Runs a hook; its failure, or a null result, becomes a {@link HookFailedException} that names it. */
  private Interaction apply(UnaryOperator<Interaction> hook, String name, Interaction interaction) {
    if (hook == null) return interaction;
    String what = name + " hook of the recorder for " + path + " failed on " + interaction.request().method()
        + " " + interaction.request().url();
    Interaction result;
    try {
      result = hook.apply(interaction);
    } catch (RuntimeException e) {
      throw new HookFailedException(what + ": " + e, e);
    }
    if (result == null) throw new HookFailedException(what + ": it returned null; return the interaction to keep it", null);
    return result;
  }

  private void checkOpen(String call) {
    if (stopped) {
      throw new IllegalStateException("recorder for " + path + " is stopped: " + call
          + "() was called after stop() or close(); use a new Recorder for each test");
    }
  }

  private static Request canonicalHeaders(Request request) {
    return request.toBuilder()
        .headers(canonical(request.headers()))
        .trailer(canonical(request.trailer()))
        .build();
  }

  private static Response canonicalHeaders(Response response) {
    return response.toBuilder()
        .headers(canonical(response.headers()))
        .trailer(canonical(response.trailer()))
        .build();
  }

  private static Multimap canonical(Multimap headers) {
    if (headers.isEmpty()) return headers;
    Multimap.Builder b = Multimap.builder();
    headers.asMap().forEach((name, values) -> b.addAll(Multimap.canonicalHeaderName(name), values));
    return b.build();
  }

  /**
   * Configures a {@link Recorder}. Defaults: {@link Mode#RECORD_ONCE}, {@link Matchers#methodUrlBody()},
   * no repeats, {@link Redaction#defaults()}, {@link Pacing#INSTANT}, {@link CassetteLayout#COMPACT}.
   */
  public static final class Builder {
    /**
     * Leaves requests to these hosts alone, as Ruby VCR's {@code ignore_hosts} does: in every mode they go
     * to the network untouched, are never matched against the cassette and never recorded. For services
     * a test talks to that are not the API under test: a local database's HTTP port, a metrics
     * endpoint, a token service whose answers must be fresh. Names compare without case;
     * {@code *.example.com} covers its subdomains; ports do not count. Adds to earlier calls.
     *
     * @throws IllegalArgumentException for a blank name or one with a scheme, port or path
     */
    public Builder ignoreHosts(String... hosts) {
      List<String> names = List.of(hosts); // rejects null names
      IgnoredHosts.of(names);               // fails here, at the call that is wrong, not at build()
      ignoredHosts.addAll(names);
      return this;
    }

    /**
     * How long {@link Recorder#stop()} waits for another JVM's save of the same cassette by default: a
     * save takes milliseconds, so a minute means the holder hangs.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

    private final Path path;
    private Mode mode = Mode.RECORD_ONCE;
    private Matcher matcher = Matchers.methodUrlBody();
    private boolean allowRepeats;
    private Redaction redaction = Redaction.defaults();
    private Pacing pacing = Pacing.INSTANT;
    private CassetteLayout layout = CassetteLayout.COMPACT;
    private Cassette preloaded;
    private UnaryOperator<Interaction> beforeSave;
    private UnaryOperator<Interaction> beforeReplay;
    private CassetteReader reader;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private final List<String> ignoredHosts = new ArrayList<>();
    private FileStamp loadedStamp;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "cassetteFile");
    }

    /** The mode; {@link Mode#RECORD_ONCE} by default, as in go-vcr. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * How a recorded request is found for a live one; {@link Matchers#methodUrlBody()} by default. Parts
     * from {@link Matchers} keep lookups indexed; a matcher without index keys makes each lookup scan.
     */
    public Builder matcher(Matcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /** When true, an interaction may answer any number of requests: the first match always wins. */
    public Builder allowRepeats(boolean allowRepeats) {
      this.allowRepeats = allowRepeats;
      return this;
    }

    /** What is kept out of the cassette; {@link Redaction#defaults()} unless set. */
    public Builder redaction(Redaction redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** How fast adapters deliver replayed responses; {@link Pacing#INSTANT} by default. */
    public Builder pacing(Pacing pacing) {
      this.pacing = Objects.requireNonNull(pacing, "pacing");
      return this;
    }

    /**
     * How the cassette file looks when this recorder creates it: {@link CassetteLayout#COMPACT}
     * (fantasy's) by default, {@link CassetteLayout#GO_VCR} for the file go-vcr's {@code Save} would
     * write. A cassette the recorder loads keeps its own layout: this only shapes new files, including
     * the file {@link Mode#RECORD_ONLY} writes afresh.
     */
    public Builder layout(CassetteLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * The largest cassette file this recorder loads, in bytes: by default the system property
     * {@value CassetteReader#MAX_BYTES_PROPERTY} when set, else {@link CassetteReader#DEFAULT_MAX_BYTES}
     * (64 MiB), which keeps a stray huge file from exhausting the heap. Raise it for cassettes that
     * hold large responses; loading needs a few times the file's size in heap.
     *
     * @throws IllegalArgumentException unless 1 &lt;= bytes &lt;= about 2 GiB
     */
    public Builder maxCassetteBytes(long bytes) {
      this.reader = new CassetteReader().withMaxBytes(bytes);
      return this;
    }

    /**
     * How long {@link Recorder#stop()} waits for the cassette's lock while another JVM or thread saves
     * the same cassette; {@link #DEFAULT_LOCK_TIMEOUT} unless set. When it runs out, {@code stop()} fails
     * saying which lock file is held, and the file is left as it was.
     */
    public Builder lockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) throw new IllegalArgumentException("lockTimeout is negative: " + timeout);
      this.lockTimeout = timeout;
      return this;
    }

    /**
     * Rewrites each interaction as it is recorded, before it joins the cassette: to give recordings
     * stable ids and timestamps, say, so that a re-record changes only what matters. The live caller
     * still gets exactly what the server sent; only the file holds the hook's version. The hook sees
     * the interaction after {@link Redaction}, and is not applied to interactions loaded from the file.
     * It runs on the thread that completes the exchange (for a streamed body, the one that reads its end).
     *
     * <p>A hook that throws or returns null fails that call with a {@link HookFailedException} naming
     * the hook, and the interaction is not recorded. Setting it again replaces it; to run several, call
     * them from one.
     */
    public Builder beforeSave(UnaryOperator<Interaction> hook) {
      this.beforeSave = Objects.requireNonNull(hook, "beforeSave");
      return this;
    }

    /**
     * Rewrites each matched interaction just before it is replayed: to give a replay a fresh
     * {@code created} timestamp, say, for code that rejects stale responses. The cassette, in memory and
     * on disk, keeps the recorded interaction; the hook's version is only served.
     *
     * <p>A hook that throws or returns null fails that call with a {@link HookFailedException} naming
     * the hook; the recorded interaction counts as used all the same.
     */
    public Builder beforeReplay(UnaryOperator<Interaction> hook) {
      this.beforeReplay = Objects.requireNonNull(hook, "beforeReplay");
      return this;
    }

    /**
     * Uses this cassette as the file's content: the recorder behaves as if the file existed and held it,
     * and does not read the file. For cassettes kept elsewhere (a classpath resource) and for tests.
     * {@link Recorder#stop()} still saves to the path when the mode says so.
     */
    public Builder cassette(Cassette cassette) {
      this.preloaded = Objects.requireNonNull(cassette, "cassette");
      return this;
    }

    /**
     * Loads the cassette file if the mode reads it.
     *
     * @throws CassetteNotFoundException in {@link Mode#REPLAY_ONLY} when the file does not exist
     * @throws CassetteFormatException when the file exists and cannot be read
     * @throws UncheckedIOException when the file exists and reading it fails
     */
    public Recorder build() {
      if (reader == null) reader = new CassetteReader();
      loadedStamp = null;
      boolean exists = preloaded != null || Files.exists(path);
      if (mode == Mode.REPLAY_ONLY && !exists) {
        throw new CassetteNotFoundException(path, "cassette not found: " + path.toAbsolutePath()
            + " (mode " + mode + " never records). Record it first: run once with mode RECORD_ONCE or"
            + " RECORD_ONLY, e.g. -Dcassette.mode=once or -Dcassette.mode=record, against the real service.");
      }
      boolean loads = exists && (mode == Mode.REPLAY_ONLY || mode == Mode.RECORD_ONCE
          || mode == Mode.REPLAY_WITH_NEW_EPISODES);
      Cassette loaded = loads ? preloaded : null;
      if (loads && loaded == null) {
        try {
          // Taken before reading: a file replaced while it is read gets another stamp, and is read again.
          loadedStamp = FileStamp.of(path);
          loaded = reader.read(path);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read cassette " + path + ": " + e.getMessage(), e);
        }
      }
      return new Recorder(this, loaded, exists);
    }
  }
}
