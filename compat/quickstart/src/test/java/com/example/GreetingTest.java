package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.junit5.UseCassette;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class GreetingTest {
  @Test
  @UseCassette // src/test/resources/cassettes/GreetingTest/greets.yaml
  void greets(OkHttpClient client) throws IOException {
    Request request = new Request.Builder().url("https://api.example.com/v1/greeting").build();
    try (Response response = client.newCall(request).execute()) {
      assertEquals("{\"greeting\":\"hello\"}", response.body().string());
    }
  }
}
