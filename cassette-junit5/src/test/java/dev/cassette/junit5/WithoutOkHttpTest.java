package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Recorder;
import dev.cassette.okhttp.CassetteInterceptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The extension loads, and JUnit may reflect over it, on a class path without OkHttp: only
 * {@code OkHttpAdapter} (loaded for an OkHttp parameter) and {@code Builder.client(OkHttpClient)} name it.
 * compat/no-okhttp runs whole tests so; this checks every class of the module quickly, in the build.
 */
class WithoutOkHttpTest {
  /** cassette's classes from this build, child first; OkHttp and Okio refused; the rest from the parent. */
  private static final class NoOkHttp extends URLClassLoader {
    NoOkHttp() {
      super(new URL[] {
          CassetteExtension.class.getProtectionDomain().getCodeSource().getLocation(),
          CassetteInterceptor.class.getProtectionDomain().getCodeSource().getLocation(),
          Recorder.class.getProtectionDomain().getCodeSource().getLocation()},
          WithoutOkHttpTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("okhttp3.") || name.startsWith("okio.")) throw new ClassNotFoundException(name);
      if (!name.startsWith("dev.cassette.")) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  @Test
  void theExtensionLoadsAndItsMembersReflectWithoutOkHttp() throws Exception {
    try (NoOkHttp loader = new NoOkHttp()) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName("okhttp3.OkHttpClient", true, loader));
      for (String name : List.of("CassetteExtension", "CassetteSession", "CassetteClients", "ClientAdapter",
          "TestCassette", "ModeResolver", "UseCassette")) {
        Class<?> c = Class.forName("dev.cassette.junit5." + name, true, loader);
        assertEquals(loader, c.getClassLoader());
        assertDoesNotThrow(c::getDeclaredMethods, name);
        assertDoesNotThrow(c::getDeclaredFields, name);
        assertDoesNotThrow(c::getDeclaredConstructors, name);
      }
      Class<?> extension = Class.forName("dev.cassette.junit5.CassetteExtension", true, loader);
      assertDoesNotThrow(() -> extension.getDeclaredConstructor().newInstance());
    }
  }

  @Test
  void theAdapterIsWhereOkHttpIsNamed() throws Exception {
    try (NoOkHttp loader = new NoOkHttp()) {
      Class<?> adapter = Class.forName("dev.cassette.junit5.OkHttpAdapter", false, loader);
      assertThrows(NoClassDefFoundError.class, adapter::getDeclaredMethods);
    }
  }

  /** Were a test to ask for an OkHttp type while part of OkHttp is missing, the error says what to add. */
  @Test
  void anAdapterThatCannotLoadSaysWhichLibraryToDeclare() throws Exception {
    try (NoOkHttp loader = new NoOkHttp()) {
      Class<?> clients = Class.forName("dev.cassette.junit5.CassetteClients", true, loader);
      Method forType = clients.getDeclaredMethod("forType", Class.class);
      forType.setAccessible(true);
      Object registration = ((Optional<?>) forType.invoke(null, CassetteInterceptor.class)).orElseThrow();
      Method load = registration.getClass().getDeclaredMethod("load");
      load.setAccessible(true);
      Throwable e = assertThrows(InvocationTargetException.class,
          () -> load.invoke(registration)).getCause();
      assertEquals(IllegalStateException.class, e.getClass());
      assertTrue(e.getMessage().startsWith("cassette cannot wire okhttp3.OkHttpClient to the cassette: its"
          + " adapter does not load (java.lang.NoClassDefFoundError: okhttp3/"), e.getMessage());
      assertTrue(e.getMessage().endsWith("add com.squareup.okhttp3:okhttp 4.12 or later, or "
          + "com.squareup.okhttp3:okhttp-jvm 5.x to your test dependencies."), e.getMessage());
    }
  }
}
