package dev.cassette.okhttp;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The child JVM of {@link LargeResponseTest}, started with a small heap: {@code URL CASSETTE} records
 * the streamed response at URL through the interceptor, then replays it from the saved cassette, and
 * prints {@code BYTES CRC RECORDED_CRC REPLAYED_CRC FILE_BYTES PEAK_HEAP_MB}.
 */
public final class LargeResponseJvm {
  private LargeResponseJvm() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path cassette = Path.of(args[1]);
    long[] recorded;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      recorded = read(recorder, url);
    }
    long fileBytes = Files.size(cassette);
    long[] replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY)
        .maxCassetteBytes(fileBytes).build()) {
      replayed = read(recorder, url);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.println(recorded[0] + " " + recorded[1] + " " + replayed[0] + " " + replayed[1] + " "
        + fileBytes + " " + (peak >> 20));
  }

  /** Streams the body through a client on this recorder: its length and CRC-32. */
  private static long[] read(Recorder recorder, String url) throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute();
         InputStream in = response.body().byteStream()) {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) != -1; total += n) crc.update(buffer, 0, n);
      return new long[] {total, crc.getValue()};
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
