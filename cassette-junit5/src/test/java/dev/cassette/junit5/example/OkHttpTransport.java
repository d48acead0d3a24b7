package dev.cassette.junit5.example;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The OpenAI Java SDK's {@link HttpClient} on an OkHttpClient of our choosing, such as the one
 * {@code @UseCassette} injects. The SDK's own OkHttp transport builds its client internally and takes no
 * interceptors (<a href="https://github.com/openai/openai-java/issues/339">openai-java#339</a>), and it
 * is compiled against OkHttp 4; this one uses whichever OkHttp the project has.
 *
 * <pre>{@code
 * OpenAIClient openai = new OpenAIClientImpl(ClientOptions.builder()
 *     .httpClient(new OkHttpTransport(client))
 *     .apiKey(apiKey)
 *     .build());
 * }</pre>
 */
public final class OkHttpTransport implements HttpClient {
  private final OkHttpClient client;

  public OkHttpTransport(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    try {
      return toResponse(newCall(request, options).execute());
    } catch (IOException e) {
      throw new OpenAIIoException("Request failed", e);
    } finally {
      if (request.body() != null) request.body().close();
    }
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    CompletableFuture<HttpResponse> future = new CompletableFuture<>();
    if (request.body() != null) future.whenComplete((response, failure) -> request.body().close());
    newCall(request, options).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        future.complete(toResponse(response));
      }

      @Override
      public void onFailure(Call call, IOException e) {
        future.completeExceptionally(new OpenAIIoException("Request failed", e));
      }
    });
    return future;
  }

  /** The client belongs to the caller, who may share it; nothing to release here. */
  @Override
  public void close() {}

  private Call newCall(HttpRequest request, RequestOptions options) {
    OkHttpClient callClient = client;
    Timeout timeout = options.getTimeout();
    if (timeout != null) {
      callClient = client.newBuilder()
          .connectTimeout(timeout.connect())
          .readTimeout(timeout.read())
          .writeTimeout(timeout.write())
          .callTimeout(timeout.request())
          .build();
    }
    RequestBody body = request.body() != null ? toRequestBody(request.body()) : null;
    String method = request.method().name();
    if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder builder = new Request.Builder().url(request.url()).method(method, body);
    Headers headers = request.headers();
    for (String name : headers.names()) {
      for (String value : headers.values(name)) builder.addHeader(name, value);
    }
    return callClient.newCall(builder.build());
  }

  private static RequestBody toRequestBody(HttpRequestBody body) {
    MediaType type = body.contentType() != null ? MediaType.parse(body.contentType()) : null;
    long length = body.contentLength();
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isOneShot() {
        return !body.repeatable();
      }

      @Override
      public void writeTo(BufferedSink sink) {
        body.writeTo(sink.outputStream());
      }
    };
  }

  private static HttpResponse toResponse(Response response) {
    Headers.Builder headers = Headers.builder();
    for (String name : response.headers().names()) {
      for (String value : response.headers(name)) headers.put(name, value);
    }
    Headers built = headers.build();
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return response.code();
      }

      @Override
      public Headers headers() {
        return built;
      }

      @Override
      public InputStream body() {
        return response.body().byteStream();
      }

      @Override
      public void close() {
        response.close();
      }
    };
  }
}
