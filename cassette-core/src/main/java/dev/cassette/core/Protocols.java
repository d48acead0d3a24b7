package dev.cassette.core;

/** Splits {@code HTTP/1.1}-style protocol text into the major and minor numbers go-vcr stores beside it. */
final class Protocols {
  private Protocols() {}

  static int[] version(String proto) {
    int slash = proto.indexOf('/');
    if (slash < 0) return new int[] {0, 0};
    String number = proto.substring(slash + 1);
    int dot = number.indexOf('.');
    try {
      if (dot < 0) return new int[] {Integer.parseInt(number), 0};
      return new int[] {Integer.parseInt(number.substring(0, dot)), Integer.parseInt(number.substring(dot + 1))};
    } catch (NumberFormatException e) {
      return new int[] {0, 0};
    }
  }
}
