package dev.alexalink.testkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for Keycloak's readiness endpoint (management port, /health/ready), however the server was started. */
public final class Readiness {

    private Readiness() {}

    /**
     * Polls until /health/ready answers 200. Fails with {@code log}'s text when the server stops before that
     * ({@code running} turns false) or the timeout passes.
     */
    public static void await(int managementPort, Duration timeout, BooleanSupplier running, Supplier<String> log) {
        HttpClient http = Http.builder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!running.getAsBoolean()) {
                throw new IllegalStateException("Keycloak stopped before it was ready:\n" + log.get());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + ":\n" + log.get());
    }
}
