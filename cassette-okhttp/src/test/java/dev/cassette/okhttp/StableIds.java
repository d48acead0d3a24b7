package dev.cassette.okhttp;

import dev.cassette.core.Body;
import dev.cassette.core.Interaction;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The stable-ids recipe of docs/hooks.md, kept here so that the recipe is tested: each id an LLM API
 * generates gets a name by order of first appearance ({@code chatcmpl-1}, {@code call_2}...), the same
 * in a response and in the later requests that quote it, and creation times become 0.
 */
final class StableIds implements UnaryOperator<Interaction> {
  private static final Pattern ID = Pattern.compile("\\b(chatcmpl|msg|toolu|call|resp|fc|rs)([-_])[A-Za-z0-9_-]+");
  private static final Pattern CREATED = Pattern.compile("\"(created|created_at)\":\\s*\\d+");

  private final Map<String, String> names = new HashMap<>();

  @Override
  public synchronized Interaction apply(Interaction interaction) {
    return Interaction.of(
        interaction.request().toBuilder().body(rename(interaction.request().body())).build(),
        interaction.response().toBuilder().body(rename(interaction.response().body())).build());
  }

  private Body rename(Body body) {
    if (body.isEmpty() || !body.isUtf8()) return body;
    String text = ID.matcher(body.text()).replaceAll(m ->
        names.computeIfAbsent(m.group(), id -> m.group(1) + m.group(2) + (names.size() + 1)));
    return Body.ofText(CREATED.matcher(text).replaceAll("\"$1\":0"));
  }
}
