package dev.cassette.jdk;

import dev.cassette.core.Recorder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient.Builder} that passes every setting to the builder of the real client and wraps
 * what it builds in a {@link CassetteHttpClient}. Frameworks that configure a builder they are given
 * (timeouts, redirects, version, executor) thus configure the client that goes to the network.
 */
final class CassetteHttpClientBuilder implements HttpClient.Builder {
  private final Recorder recorder;
  private final HttpClient.Builder delegate;

  CassetteHttpClientBuilder(Recorder recorder, HttpClient.Builder delegate) {
    this.recorder = recorder;
    this.delegate = delegate;
  }

  @Override
  public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
    delegate.cookieHandler(cookieHandler);
    return this;
  }

  @Override
  public HttpClient.Builder connectTimeout(Duration duration) {
    delegate.connectTimeout(duration);
    return this;
  }

  @Override
  public HttpClient.Builder sslContext(SSLContext sslContext) {
    delegate.sslContext(sslContext);
    return this;
  }

  @Override
  public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
    delegate.sslParameters(sslParameters);
    return this;
  }

  @Override
  public HttpClient.Builder executor(Executor executor) {
    delegate.executor(executor);
    return this;
  }

  @Override
  public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
    delegate.followRedirects(policy);
    return this;
  }

  @Override
  public HttpClient.Builder version(HttpClient.Version version) {
    delegate.version(version);
    return this;
  }

  @Override
  public HttpClient.Builder priority(int priority) {
    delegate.priority(priority);
    return this;
  }

  @Override
  public HttpClient.Builder proxy(ProxySelector proxySelector) {
    delegate.proxy(proxySelector);
    return this;
  }

  @Override
  public HttpClient.Builder authenticator(Authenticator authenticator) {
    delegate.authenticator(authenticator);
    return this;
  }

  /**
   * Java 19's {@code HttpClient.Builder.localAddress}, passed to the real builder. This module compiles
   * for Java 17, where the method does not exist, so it is found at run time.
   *
   * @throws UnsupportedOperationException before Java 19, as the JDK's own builders would not have it
   */
  public HttpClient.Builder localAddress(InetAddress localAddress) {
    Method method;
    try {
      method = HttpClient.Builder.class.getMethod("localAddress", InetAddress.class);
    } catch (NoSuchMethodException e) {
      throw new UnsupportedOperationException("localAddress needs Java 19 or later");
    }
    try {
      method.invoke(delegate, localAddress);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call HttpClient.Builder.localAddress: " + e, e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException("HttpClient.Builder.localAddress failed: " + e.getCause(), e.getCause());
    }
    return this;
  }

  /** Builds the real client with every setting made here, wrapped for the recorder. */
  @Override
  public HttpClient build() {
    return CassetteHttpClient.wrap(recorder, delegate.build());
  }
}
