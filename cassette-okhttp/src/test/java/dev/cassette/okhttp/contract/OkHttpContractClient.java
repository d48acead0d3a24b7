package dev.cassette.okhttp.contract;

import dev.cassette.core.Recorder;
import dev.cassette.core.contract.Answer;
import dev.cassette.core.contract.Call;
import dev.cassette.core.contract.ContractClient;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The adapter contract's calls made through OkHttp with a {@link CassetteInterceptor}. */
public final class OkHttpContractClient implements ContractClient {
  /** One connection pool and dispatcher for every test client, so tests do not pile up threads. */
  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .readTimeout(10, TimeUnit.SECONDS)
      .callTimeout(30, TimeUnit.SECONDS)
      .build();

  @Override
  public Answer send(Recorder recorder, Call call) throws IOException {
    OkHttpClient client = BASE.newBuilder().addInterceptor(new CassetteInterceptor(recorder)).build();
    Request.Builder request = new Request.Builder().url(call.url());
    call.headers().asMap().forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
    // The content type travels as the caller's header, as it does with java.net.http.
    request.method(call.method(), call.body() == null ? null : RequestBody.create(call.body(), null));
    try (Response response = client.newCall(request.build()).execute()) {
      Map<String, List<String>> headers = new TreeMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
      }
      return new Answer(response.code(), headers, response.body().bytes(),
          response.protocol() == Protocol.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1");
    }
  }
}
