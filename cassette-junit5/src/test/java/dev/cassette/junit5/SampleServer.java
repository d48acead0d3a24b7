package dev.cassette.junit5;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives sample tests the live server's URL, which {@link CassetteExtensionTest} passes in the
 * configuration parameter {@code sample.server} when it runs them through the engine test kit. Run any
 * other way (an IDE, {@code -Dtest=CassetteExtensionTest*}), the samples are skipped.
 */
final class SampleServer implements ParameterResolver, ExecutionCondition {
  static final String PARAMETER = "sample.server";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER).isPresent()
        ? ConditionEvaluationResult.enabled("run by CassetteExtensionTest")
        : ConditionEvaluationResult.disabled("a sample: CassetteExtensionTest runs it");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HttpUrl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return HttpUrl.get(context.getConfigurationParameter(PARAMETER).orElseThrow());
  }
}
