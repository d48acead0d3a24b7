package dev.cassette.core.contract;

import dev.cassette.core.Multimap;

/**
 * A request as the adapter contract sends it, whatever the client: each {@link ContractClient} turns it
 * into its own request type.
 *
 * @param headers sent as given, in order; list names alphabetically, because java.net.http sorts them
 * @param body null for a request without a body
 */
public record Call(String method, String url, Multimap headers, byte[] body) {
  public static Call get(String url) {
    return new Call("GET", url, Multimap.empty(), null);
  }
}
