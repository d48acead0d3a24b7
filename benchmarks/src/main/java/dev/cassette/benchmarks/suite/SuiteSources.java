package dev.cassette.benchmarks.suite;

import java.nio.file.Path;

/**
 * The Java source of the generated suites: {@code classes} test classes of {@code tests} tests each, in
 * one package per variant, every test sending the seed cassette's requests ({@link SeedExchanges}):
 *
 * <ul>
 *   <li>{@code cassette}: {@code @UseCassette} on the class (mode pinned to REPLAY_ONLY), the injected
 *       {@code OkHttpClient} replaying the seed cassette, which the extension loads, checks (every
 *       interaction used) and stops for each test;
 *   <li>{@code stub}: the same tests on a hand-written stub interceptor over the shared base client;
 *   <li>{@code wiremock}: {@code @WireMockTest} (one server per class, stubs reset after each test), each
 *       test registering the equivalent stubs (URL and JSON body) and calling the server on loopback.
 * </ul>
 */
final class SuiteSources {
  static final String[] VARIANTS = {"stub", "cassette", "wiremock"};

  private SuiteSources() {}

  static String className(int c) {
    return String.format("Suite%02dTest", c);
  }

  static String source(String variant, int c, int tests, Path cassetteDir) {
    StringBuilder out = new StringBuilder();
    out.append("package suite.").append(variant).append(";\n\n")
        .append("import dev.cassette.benchmarks.suite.SeedExchanges;\n")
        .append("import okhttp3.OkHttpClient;\n")
        .append("import org.junit.jupiter.api.Test;\n");
    switch (variant) {
      case "cassette" -> out
          .append("import dev.cassette.core.Mode;\n")
          .append("import dev.cassette.junit5.UseCassette;\n\n")
          .append("@UseCassette(value = \"multi_tool_streaming\", dir = \"")
          .append(cassetteDir.toString().replace("\\", "\\\\")).append("\", mode = Mode.REPLAY_ONLY)\n");
      case "wiremock" -> out
          .append("import static com.github.tomakehurst.wiremock.client.WireMock.*;\n")
          .append("import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;\n")
          .append("import com.github.tomakehurst.wiremock.junit5.WireMockTest;\n\n")
          .append("@WireMockTest\n");
      default -> out.append('\n');
    }
    out.append("class ").append(className(c)).append(" {\n");
    for (int t = 0; t < tests; t++) {
      switch (variant) {
        case "cassette" -> out.append("  @Test void test").append(t)
            .append("(OkHttpClient client) throws Exception {\n")
            .append("    SeedExchanges.exchangeAll(client, SeedExchanges.origin());\n  }\n");
        case "stub" -> out.append("  @Test void test").append(t).append("() throws Exception {\n")
            .append("    SeedExchanges.exchangeAll(SeedExchanges.stubbed(), SeedExchanges.origin());\n  }\n");
        case "wiremock" -> out.append("  @Test void test").append(t)
            .append("(WireMockRuntimeInfo wm) throws Exception {\n")
            .append("    for (int i = 0; i < SeedExchanges.size(); i++) {\n")
            .append("      wm.getWireMock().register(post(urlEqualTo(SeedExchanges.path(i)))\n")
            .append("          .withRequestBody(equalToJson(SeedExchanges.requestBody(i)))\n")
            .append("          .willReturn(aResponse().withStatus(200)\n")
            .append("              .withHeader(\"Content-Type\", SeedExchanges.responseContentType(i))\n")
            .append("              .withBody(SeedExchanges.responseBody(i))));\n")
            .append("    }\n")
            .append("    SeedExchanges.exchangeAll(SeedExchanges.BASE, wm.getHttpBaseUrl());\n  }\n");
        default -> throw new IllegalArgumentException(variant);
      }
    }
    return out.append("}\n").toString();
  }
}
