package dev.cassette.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered map from a name to a list of values: the shape Go's {@code http.Header},
 * {@code url.Values} and trailers share, and so the shape of {@code headers}, {@code form} and
 * {@code trailer} in a cassette.
 *
 * <p>Names are kept exactly as given: a loaded cassette keeps its header names as written, so that it
 * saves back unchanged. Code that captures live traffic canonicalizes names first with
 * {@link #canonicalHeaderName(String)}, as Go's recorder does. Lookups with {@link #get(String)} are
 * exact; {@link #getIgnoreCase(String)} serves HTTP's case-insensitive header semantics.
 *
 * <p>Values are Java strings that may carry bytes which are not valid UTF-8, escaped as
 * {@link GoString} describes, because Go strings are byte strings and cassettes do hold such values.
 */
public final class Multimap {
  private static final Multimap EMPTY = new Multimap(Map.of());

  private final Map<String, List<String>> entries;

  private Multimap(Map<String, List<String>> entries) {
    this.entries = entries;
  }

  /** The empty multimap. */
  public static Multimap empty() {
    return EMPTY;
  }

  /** A multimap with one name and its values. */
  public static Multimap of(String name, String... values) {
    return builder().addAll(name, List.of(values)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of this multimap's entries. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    entries.forEach(builder::addAll);
    return builder;
  }

  /** The values under exactly this name, or an empty list. */
  public List<String> get(String name) {
    return entries.getOrDefault(name, List.of());
  }

  /** The values under every name equal to this one ignoring case, in entry order. */
  public List<String> getIgnoreCase(String name) {
    List<String> values = new ArrayList<>();
    entries.forEach((key, list) -> {
      if (key.equalsIgnoreCase(name)) values.addAll(list);
    });
    return values;
  }

  /** The first value under a name equal to this one ignoring case, or null. */
  public String firstIgnoreCase(String name) {
    List<String> values = getIgnoreCase(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The names, in insertion order. */
  public Set<String> names() {
    return entries.keySet();
  }

  /** An unmodifiable view of the entries, in insertion order. */
  public Map<String, List<String>> asMap() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /**
   * Go's {@code textproto.CanonicalMIMEHeaderKey}: the first letter and every letter after a hyphen
   * upper case, the rest lower case ({@code content-type} becomes {@code Content-Type}). A name holding
   * a space or a character not allowed in a header token is returned unchanged, as Go does.
   */
  public static String canonicalHeaderName(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (upper && c >= 'a' && c <= 'z') c = (char) (c - ('a' - 'A'));
      else if (!upper && c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      out.append(c);
      upper = c == '-';
    }
    return out.toString();
  }

  private static boolean isTokenChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multimap m && entries.equals(m.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /** Collects entries in insertion order; adding to an existing name appends to its values. */
  public static final class Builder {
    private final Map<String, List<String>> entries = new LinkedHashMap<>();

    private Builder() {}

    /** Appends one value under a name. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      entries.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Appends values under a name. An empty list still records the name, because Go distinguishes a
     * header present with no values ({@code Foo: []}) from an absent one.
     */
    public Builder addAll(String name, List<String> values) {
      Objects.requireNonNull(name, "name");
      List<String> list = entries.computeIfAbsent(name, k -> new ArrayList<>());
      for (String value : values) list.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Replaces every value under exactly this name. */
    public Builder set(String name, String... values) {
      entries.remove(name);
      return addAll(name, List.of(values));
    }

    /** Removes every name equal to this one ignoring case. */
    public Builder removeIgnoreCase(String name) {
      entries.keySet().removeIf(key -> key.equalsIgnoreCase(name));
      return this;
    }

    public Multimap build() {
      if (entries.isEmpty()) return EMPTY;
      Map<String, List<String>> copy = new LinkedHashMap<>();
      entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Multimap(Collections.unmodifiableMap(copy));
    }
  }
}
