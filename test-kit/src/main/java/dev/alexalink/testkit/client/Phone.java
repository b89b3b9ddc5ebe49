package dev.alexalink.testkit.client;

import dev.alexalink.testkit.server.Http;
import dev.alexalink.webview.WebView;

import java.net.URI;
import java.time.Duration;

/**
 * The Alexa app's web view on a phone ({@link WebView}), on the test server: plain HTTP/1.1, 30 seconds a request unless told,
 * and it stops at the first redirect that leaves the server (to Amazon).
 */
public final class Phone extends WebView {

    public Phone(String serverBaseUrl) {
        this(serverBaseUrl, Duration.ofSeconds(30));
    }

    public Phone(String serverBaseUrl, Duration timeout) {
        super(
                URI.create(serverBaseUrl),
                timeout,
                cookies -> Http.builder().cookieHandler(cookies).build(),
                "User-Agent",
                USER_AGENT,
                "Accept-Language",
                "en-US,en;q=0.9");
    }
}
