package dev.alexalink.checker;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exceptions as plain sentences for the report: a network failure names the host and port and what happened, any
 * other exception its messages (never "null": an exception without a message is named by its kind).
 */
final class Failures {

    private Failures() {}

    /** A failed request to this URL (its host and port, the scheme's default port when it names none). */
    static String network(URI url, Duration timeout, Throwable e) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return network(url.getHost(), port, timeout, e);
    }

    /**
     * A failed connection to host:port, for example "cannot connect to auth.example.com:443: connection refused (is
     * the server running and the port open?)".
     */
    static String network(String host, int port, Duration timeout, Throwable e) {
        String where = host + ":" + port;
        long seconds = timeout.toSeconds();
        if (find(e, UnknownHostException.class) != null || find(e, UnresolvedAddressException.class) != null) {
            return "cannot connect to " + where + ": unknown host " + host
                    + " (the name does not resolve: check its spelling and its DNS record)";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "cannot connect to " + where + ": no route to host (a firewall or the network drops the connection)";
        }
        if (find(e, HttpConnectTimeoutException.class) != null || connectTimeout(e)) {
            return "cannot connect to " + where + ": timeout after " + seconds
                    + " s (is a firewall dropping the connection, or is it the wrong address?)";
        }
        if (find(e, HttpTimeoutException.class) != null || find(e, SocketTimeoutException.class) != null) {
            return "no answer from " + where + ": timeout after " + seconds
                    + " s (the connection was opened, but the server did not answer in time)";
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return "TLS handshake with " + where + " failed: " + message(tls);
        }
        if (find(e, ConnectException.class) != null) {
            return "cannot connect to " + where + ": connection refused (is the server running and the port open?)";
        }
        return "the request to " + where + " failed: " + message(e);
    }

    /** Every distinct message along the cause chain; the exception's kind where there is none. */
    static String message(Throwable e) {
        List<String> messages = new ArrayList<>();
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            String text = cause.getMessage();
            if (text != null && !text.isBlank() && messages.stream().noneMatch(m -> m.contains(text))) {
                messages.add(text.trim());
            }
        }
        if (messages.isEmpty()) {
            return e.getClass().getSimpleName() + " without a message";
        }
        return messages.get(0)
                + (messages.size() == 1 ? "" : " (" + String.join("; ", messages.subList(1, messages.size())) + ")");
    }

    private static boolean connectTimeout(Throwable e) {
        SocketTimeoutException timeout = find(e, SocketTimeoutException.class);
        return timeout != null
                && timeout.getMessage() != null
                && timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
