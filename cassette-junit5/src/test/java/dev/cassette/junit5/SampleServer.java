package dev.cassette.junit5;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives sample tests (run through the engine test kit) the live server's URL, passed in the
 * configuration parameter {@code sample.server}.
 */
final class SampleServer implements ParameterResolver {
  static final String PARAMETER = "sample.server";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HttpUrl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return HttpUrl.get(context.getConfigurationParameter(PARAMETER).orElseThrow());
  }
}
