package dev.alexalink.webview;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings, form bodies and client credentials as the web view and Amazon's servers write and read them. */
public final class Forms {

    private Forms() {}

    /** Percent-encoding of a query value; a space is sent as %20. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An application/x-www-form-urlencoded body, in the map's order; a space is sent as '+', as browsers send it. */
    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The query parameters of a URI, decoded, split at '&amp;' (the last of a repeated name wins). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined with ':' and base64-encoded. */
    public static String basic(String id, String secret) {
        String credentials =
                URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a client's credentials to a token-endpoint request the way RFC 6749 §2.3.1 allows: as HTTP Basic
     * ({@code basic}) or as client_id and client_secret in the form body.
     */
    public static void clientCredentials(
            HttpRequest.Builder request, Map<String, String> form, String clientId, String secret, boolean basic) {
        if (basic) {
            request.header("Authorization", basic(clientId, secret));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", secret);
        }
    }
}
