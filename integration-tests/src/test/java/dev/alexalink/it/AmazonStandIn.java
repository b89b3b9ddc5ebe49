package dev.alexalink.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Amazon's redirect endpoints (pitangui.amazon.com, layla.amazon.com, alexa.amazon.co.jp) on loopback,
 * so that the browser really follows the redirect after Allow or Deny and the test sees exactly what Alexa would
 * receive. Chromium is pointed here with --host-resolver-rules; the certificate is self-signed, made by keytool.
 */
final class AmazonStandIn implements AutoCloseable {

    private final HttpsServer server;
    private final List<URI> received = new CopyOnWriteArrayList<>();

    AmazonStandIn(Path workDirectory) throws Exception {
        SSLContext tls = selfSignedContext(workDirectory);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().startsWith("/api/skill/link/")) {
                exchange.sendResponseHeaders(404, -1); // favicon and the like: not a redirect to Alexa
                exchange.close();
                return;
            }
            URI uri = URI.create("https://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI());
            received.add(uri);
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Alexa (test stand-in)</title></head>"
                            + "<body style=\"font-family:sans-serif;padding:1rem\"><h1>Alexa app (test stand-in)</h1>"
                            + "<p>Amazon received:</p><pre style=\"white-space:pre-wrap;word-break:break-all\">"
                            + escape(
                                    uri.getRawQuery() == null
                                            ? ""
                                            : uri.getRawQuery().replace("&", "\n")) + "</pre></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int count() {
        return received.size();
    }

    /** Waits for the redirect that follows {@code previousCount} earlier ones, and returns it. */
    URI awaitRedirect(int previousCount) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (received.size() <= previousCount) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the browser was not sent to Amazon's redirect URL");
            }
            Thread.sleep(50);
        }
        return received.get(previousCount);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SSLContext selfSignedContext(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path keystore = directory.resolve("amazon-stand-in.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "stand-in",
                        "-alias",
                        "stand-in",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=pitangui.amazon.com",
                        "-ext",
                        "SAN=dns:pitangui.amazon.com,dns:layla.amazon.com,dns:alexa.amazon.co.jp")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "stand-in".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "stand-in".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
