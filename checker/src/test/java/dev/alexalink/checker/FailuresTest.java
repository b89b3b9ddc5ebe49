package dev.alexalink.checker;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Network failures as plain sentences that name host:port and what happened; never "null". */
class FailuresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String httpFailure(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Failures.network(url, TIMEOUT, e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no failure from " + url);
    }

    @Test
    void aClosedPortIsAConnectionRefused() throws Exception {
        int port = closedPort();
        String expected = "cannot connect to 127.0.0.1:" + port
                + ": connection refused (is the server running and the port open?)";
        assertThat(httpFailure(URI.create("http://127.0.0.1:" + port + "/realms/alexa")))
                .isEqualTo(expected);
        assertThat(TlsProbe.handshake("127.0.0.1", port, null, null, TIMEOUT).failure())
                .isEqualTo(expected);
    }

    @Test
    void anUnresolvableHostIsAnUnknownHost() {
        String expected = "cannot connect to nonexistent.invalid:443: unknown host nonexistent.invalid "
                + "(the name does not resolve: check its spelling and its DNS record)";
        assertThat(httpFailure(URI.create("https://nonexistent.invalid/realms/alexa")))
                .isEqualTo(expected);
        assertThat(TlsProbe.handshake("nonexistent.invalid", 443, null, null, TIMEOUT)
                        .failure())
                .isEqualTo(expected);
    }

    @Test
    void plainHttpOnATlsPortIsAFailedHandshakeWithItsReason() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket client = server.accept()) {
                    client.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    // the probe has gone: nothing to answer
                }
            });
            answer.start();
            String failure = TlsProbe.handshake("127.0.0.1", server.getLocalPort(), null, null, TIMEOUT)
                    .failure();
            answer.join(5000);
            assertThat(failure)
                    .startsWith("TLS handshake with 127.0.0.1:" + server.getLocalPort() + " failed: ")
                    .doesNotContain("null");
        }
    }

    @Test
    void timeoutsNameTheSeconds() {
        assertThat(Failures.network(
                        "a.example", 443, TIMEOUT, new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("cannot connect to a.example:443: timeout after 5 s "
                        + "(is a firewall dropping the connection, or is it the wrong address?)");
        assertThat(Failures.network("a.example", 443, TIMEOUT, new SocketTimeoutException("Connect timed out")))
                .startsWith("cannot connect to a.example:443: timeout after 5 s");
        assertThat(Failures.network("a.example", 443, TIMEOUT, new HttpTimeoutException("request timed out")))
                .isEqualTo("no answer from a.example:443: timeout after 5 s "
                        + "(the connection was opened, but the server did not answer in time)");
        assertThat(Failures.network("a.example", 443, TIMEOUT, new SocketTimeoutException("Read timed out")))
                .startsWith("no answer from a.example:443: timeout after 5 s");
    }

    @Test
    void aTlsFailureGivesItsReason() {
        IOException wrapped = new IOException(new SSLHandshakeException("Received fatal alert: protocol_version"));
        assertThat(Failures.network("a.example", 443, TIMEOUT, wrapped))
                .isEqualTo("TLS handshake with a.example:443 failed: Received fatal alert: protocol_version");
    }

    @Test
    void messagesAreNeverNull() {
        assertThat(Failures.message(new ConnectException())).isEqualTo("ConnectException without a message");
        assertThat(Failures.message(new IOException("outer", new IllegalStateException("inner"))))
                .isEqualTo("outer (inner)");
        assertThat(Failures.message(new IOException(new IllegalStateException("inner"))))
                .isEqualTo("java.lang.IllegalStateException: inner");
        assertThat(Failures.network("a.example", 8443, TIMEOUT, new IOException()))
                .isEqualTo("the request to a.example:8443 failed: IOException without a message");
        assertThat(Failures.network(URI.create("http://a.example/x"), TIMEOUT, new ConnectException()))
                .startsWith("cannot connect to a.example:80: connection refused");
    }
}
