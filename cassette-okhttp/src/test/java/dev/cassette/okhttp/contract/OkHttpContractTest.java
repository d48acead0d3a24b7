package dev.cassette.okhttp.contract;

import dev.cassette.core.contract.AdapterContractTest;
import dev.cassette.core.contract.ContractClient;

/** The adapter contract, kept by {@code CassetteInterceptor}. */
class OkHttpContractTest extends AdapterContractTest {
  @Override
  protected ContractClient client() {
    return new OkHttpContractClient();
  }
}
