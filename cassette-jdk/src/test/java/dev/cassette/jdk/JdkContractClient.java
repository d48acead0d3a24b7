package dev.cassette.jdk;

import dev.cassette.core.Recorder;
import dev.cassette.core.contract.Answer;
import dev.cassette.core.contract.Call;
import dev.cassette.core.contract.ContractClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The adapter contract's calls made through java.net.http wrapped by {@link CassetteHttpClient}. */
final class JdkContractClient implements ContractClient {
  /** One real client for every test, as an application would keep one. */
  static final HttpClient BASE = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @Override
  public Answer send(Recorder recorder, Call call) throws IOException {
    HttpClient client = CassetteHttpClient.wrap(recorder, BASE);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30));
    call.headers().asMap().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    request.method(call.method(),
        call.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(call.body()));
    try {
      return answer(client.send(request.build(), BodyHandlers.ofByteArray()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static Answer answer(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return new Answer(response.statusCode(), headers, response.body(),
        response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1");
  }
}
