package dev.alexalink.testkit.server;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * HTTP clients for talking to the server as Alexa and the web view do. HTTP/1.1 on purpose: on plain http, JDK 17's
 * client first tries an h2c upgrade, and a request of it once hung here past its own timeout.
 */
public final class Http {

    private Http() {}

    /** HTTP/1.1, a connect timeout, and redirects left to the caller. */
    public static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    public static HttpClient client() {
        return builder().build();
    }
}
