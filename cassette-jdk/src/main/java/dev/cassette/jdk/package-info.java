/**
 * Records and replays {@code java.net.http} traffic as go-vcr v2 cassettes: wrap an {@code HttpClient}
 * with {@link dev.cassette.jdk.CassetteHttpClient#wrap}, or hand a framework
 * {@link dev.cassette.jdk.CassetteHttpClient#newBuilder}. Depends on cassette-core and the JDK only.
 */
package dev.cassette.jdk;
