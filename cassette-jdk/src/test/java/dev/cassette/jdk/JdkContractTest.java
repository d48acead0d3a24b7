package dev.cassette.jdk;

import dev.cassette.core.contract.AdapterContractTest;
import dev.cassette.core.contract.ContractClient;

/** The adapter contract, kept by {@link CassetteHttpClient}. */
class JdkContractTest extends AdapterContractTest {
  @Override
  protected ContractClient client() {
    return new JdkContractClient();
  }
}
