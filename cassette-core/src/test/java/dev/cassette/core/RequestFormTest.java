package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFormTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void queryPairsInOrderWithPlusAsSpaceAndBareKeys() {
    assertEquals(Multimap.builder().add("key", "abc").add("tag", "a").add("tag", "b c").add("empty", "").build(),
        RequestForm.of("GET", null, new byte[0], "key=abc&tag=a&tag=b+c&empty"));
  }

  @Test
  void urlEncodedBodyParametersComeBeforeQueryParameters() {
    Multimap form = RequestForm.of("POST", "application/x-www-form-urlencoded; charset=UTF-8",
        utf8("user=ada&next=x+y"), "next=%2Fhome");
    assertEquals(List.of("x y", "/home"), form.get("next"));
    assertEquals(List.of("ada"), form.get("user"));
  }

  @Test
  void bodyIsIgnoredForOtherMethodsAndContentTypes() {
    assertEquals(Multimap.empty(), RequestForm.of("GET", "application/x-www-form-urlencoded", utf8("a=1"), null));
    assertEquals(Multimap.empty(), RequestForm.of("POST", "application/json", utf8("a=1"), null));
    assertEquals(Multimap.of("a", "1"), RequestForm.of("PATCH", " Application/X-WWW-Form-Urlencoded ", utf8("a=1"), null));
  }

  @Test
  void malformedAndSemicolonPairsAreSkippedAsGoDoes() {
    assertEquals(Multimap.of("d", "4"), RequestForm.of("GET", null, new byte[0], "a=%zz&b=1;c=2&d=4"));
  }
}
