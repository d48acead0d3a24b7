package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.standin.StandIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a test that no longer matches its recording says, followed to the letter as a user would: the
 * advice must fix the case, and the report must be printed once even when an SDK wrapped it.
 */
class ReRecordAdviceTest {
  /** The sample's process: what the user's shell would set. Read live by the sample's extension. */
  static final Map<String, String> PROPERTIES = new ConcurrentHashMap<>();
  static final Map<String, String> VARIABLES = new ConcurrentHashMap<>();
  /** What the code under test asks; the test changes it, as a change to the code would. */
  static volatile String question = "hello";

  @TempDir
  Path dir;

  private StandIn server;

  @BeforeEach
  void start() throws Exception {
    PROPERTIES.clear();
    VARIABLES.clear();
    question = "hello";
    server = StandIn.start(request -> request.path().startsWith("/v1/chat/completions")
        ? new StandIn.Answer("application/json", COMPLETION)
        : new StandIn.Answer("text/plain", "answer to " + request.body()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
      + "\"created\":1773347276,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hello!\",\"refusal\":null},\"logprobs\":null,"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
      + "\"total_tokens\":11}}";

  // ---- samples ------------------------------------------------------------------------------------

  /** A test with nothing pinned, whose mode comes from the (fake) process as a user's would. */
  @ExtendWith(SampleServer.class)
  static class Asks {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(new FakeEnvironment(PROPERTIES, VARIABLES))
        .build();

    @Test
    void asks(OkHttpClient client, HttpUrl server) throws IOException {
      Request request = new Request.Builder().url(server.resolve("/ask"))
          .post(RequestBody.create("{\"q\":\"" + question + "\"}", MediaType.get("application/json")))
          .build();
      try (Response response = client.newCall(request).execute()) {
        assertEquals(200, response.code());
      }
    }
  }

  /** The official OpenAI SDK on the injected client, as its docs wire it. */
  @ExtendWith(SampleServer.class)
  static class AsksOpenAi {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(new FakeEnvironment(PROPERTIES, VARIABLES))
        .build();

    static OpenAIClient openAi(OkHttpClient client, HttpUrl server, Recorder recorder) {
      return OpenAIOkHttpClient.builder()
          .okHttpClient(client)
          .baseUrl(server.resolve("/v1").toString())
          .apiKey(recorder.isRecording() ? "sk-test-only-used-while-recording" : "replay")
          // Its retries fail alike and throw the same chain, after seconds of back-off.
          .maxRetries(0)
          .build();
    }

    static ChatCompletionCreateParams params() {
      return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(question).build();
    }

    @Test
    @UseCassette("openai")
    void blocking(OkHttpClient client, HttpUrl server, Recorder recorder) {
      openAi(client, server, recorder).chat().completions().create(params());
    }

    @Test
    @UseCassette("openai")
    void async(OkHttpClient client, HttpUrl server, Recorder recorder) {
      openAi(client, server, recorder).async().chat().completions().create(params()).join();
    }
  }

  // ---- tests --------------------------------------------------------------------------------------

  private EngineExecutionResults run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of(
            TestCassette.DIR_PARAMETER, dir.toString(),
            SampleServer.PARAMETER, server.url("/").toString()))
        .selectors(selectClass(sample))
        .execute();
  }

  private static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow())
        .collect(Collectors.toList());
  }

  private static void assertPassed(EngineExecutionResults results) {
    assertEquals(List.of(), failures(results).stream().map(Throwable::getMessage).collect(Collectors.toList()));
    results.testEvents().assertStatistics(stats -> stats.failed(0));
  }

  /** As Surefire prints a failure: the exception, its causes and suppressed exceptions, with their messages. */
  private static String printed(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /**
   * Record; change the request; replay as CI does and fail; then do what the failure says, every piece
   * of advice in turn, from the same start; after each, CI's replay must pass. Advising new-episodes
   * failed here: it appends the new exchange and leaves the old one never replayed.
   */
  @Test
  void followingTheAdviceForAChangedRequestMakesCiPass() throws IOException {
    assertPassed(run(Asks.class));
    Path file = dir.resolve("Asks/asks.yaml");
    assertEquals(1, server.requestCount());

    question = "hello again";
    VARIABLES.put("CI", "true");
    List<Throwable> failures = failures(run(Asks.class));
    assertEquals(1, failures.size());
    String message = failures.get(0).getMessage();
    assertTrue(message.startsWith("No recorded interaction matches POST " + server.url("/ask")), message);
    assertTrue(message.contains("body /q: recorded \"hello\", live \"hello again\""), message);
    assertEquals(1, server.requestCount(), "CI never reaches the network");

    Set<String> modes = new LinkedHashSet<>();
    Matcher advised = Pattern.compile("-Dcassette\\.mode=([a-z-]+)").matcher(message);
    while (advised.find()) modes.add(advised.group(1));
    assertFalse(modes.isEmpty(), message);
    Matcher command = Pattern.compile("mvn test '?-Dtest=([^' ]+)'? -Dcassette\\.mode=").matcher(message);
    assertTrue(command.find(), message);
    assertEquals("ReRecordAdviceTest$Asks#asks", command.group(1), "the command runs this test");

    String recorded = Files.readString(file);
    for (String mode : modes) {
      Files.writeString(file, recorded);
      // On the developer's machine, with the network: the command's -D as a system property.
      VARIABLES.remove("CI");
      PROPERTIES.put("cassette.mode", mode);
      assertPassed(run(Asks.class));
      PROPERTIES.clear();

      VARIABLES.put("CI", "true");
      int requests = server.requestCount();
      assertPassed(run(Asks.class));
      assertEquals(requests, server.requestCount(), "CI never reaches the network");
    }
  }

  /**
   * openai-java wraps the no-match in its OpenAIIoException (and, called async, that in a
   * CompletionException); each wrapper repeated the whole report in Surefire's output.
   */
  @Test
  void theReportIsPrintedOnceWhenTheSdkWrapsIt() {
    assertPassed(run(AsksOpenAi.class));
    assertEquals(1, server.requestCount(), "the second test replays the first one's recording");

    question = "hello again";
    VARIABLES.put("CI", "true");
    EngineExecutionResults results = run(AsksOpenAi.class);
    List<Throwable> failures = failures(results);
    assertEquals(2, failures.size());
    List<String> wrappers = new ArrayList<>();
    for (Throwable failure : failures) {
      assertEquals(NoMatchingInteractionException.class, failure.getClass(), printed(failure));
      String printed = printed(failure);
      assertEquals(1, occurrences(printed, "No recorded interaction matches"), printed);
      assertEquals(1, occurrences(printed, "body /messages/0/content: recorded \"hello\", live \"hello again\""), printed);
      assertEquals(1, occurrences(printed, "-Dcassette.mode=record"), printed);
      if (printed.contains("#blocking")) {
        // Called async, the chain was made on OkHttp's thread: no stack trace in it leads to the test.
        assertTrue(printed.contains("at dev.cassette.junit5.ReRecordAdviceTest$AsksOpenAi.blocking("),
            "the test's own line: " + printed);
      }
      Matcher wrapped = Pattern.compile("\\(The test got it wrapped in ([^;]+);").matcher(failure.getMessage());
      assertTrue(wrapped.find(), failure.getMessage());
      wrappers.add(wrapped.group(1));
    }
    assertEquals(Set.of("com.openai.errors.OpenAIIoException",
        "java.util.concurrent.CompletionException > com.openai.errors.OpenAIIoException"), Set.copyOf(wrappers));
    assertEquals(1, server.requestCount(), "CI never reaches the network");
  }
}
