package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingTest {
  @Test
  void recordedPacingWaitsTheRecordedDuration() {
    assertEquals(Duration.ofMillis(1500), Pacing.RECORDED.delayOf(GoDuration.parse("1.5s")));
  }

  @Test
  void aDurationAboveTheBoundIsCappedSoAReplayCannotBlockForHours() {
    // Go's largest duration, as a hostile or hand-edited file may hold it.
    assertEquals(Pacing.LONGEST_DELAY, Pacing.RECORDED.delayOf(GoDuration.parse("2562047h")));
    assertEquals(Duration.ofMinutes(5), Pacing.RECORDED.delayOf(GoDuration.parse("5m0.000000001s")));
    assertEquals(Duration.ofMinutes(5), Pacing.RECORDED.delayOf(GoDuration.parse("5m")));
  }

  @Test
  void negativeDurationsAndInstantPacingDoNotWait() {
    assertEquals(Duration.ZERO, Pacing.RECORDED.delayOf(GoDuration.parse("-3s")));
    assertEquals(Duration.ZERO, Pacing.INSTANT.delayOf(GoDuration.parse("2562047h")));
  }
}
