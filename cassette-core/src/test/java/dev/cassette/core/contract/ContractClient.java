package dev.cassette.core.contract;

import dev.cassette.core.Recorder;
import java.io.IOException;

/** One HTTP client wired to a {@link Recorder} by its adapter: what {@link AdapterContractTest} drives. */
public interface ContractClient {
  /**
   * Sends {@code call} through a client wired to {@code recorder} and reads the whole response.
   *
   * @throws IOException as the client reports a failure, {@code NoMatchingInteractionException} included
   */
  Answer send(Recorder recorder, Call call) throws IOException;
}
