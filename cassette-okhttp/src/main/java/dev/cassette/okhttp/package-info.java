/**
 * Records and replays OkHttp traffic as go-vcr v2 cassettes: add a
 * {@link dev.cassette.okhttp.CassetteInterceptor} to an {@code OkHttpClient} as an application
 * interceptor. Works with OkHttp 5 and 4.12 alike.
 */
package dev.cassette.okhttp;
