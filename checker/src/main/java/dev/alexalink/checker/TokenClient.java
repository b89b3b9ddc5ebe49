package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Amazon's servers at the token (and revocation) endpoint: form-encoded POSTs, client credentials by Basic or in the body. */
public final class TokenClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer, with the time it took from sending to the last byte. */
    public record Answer(
            String label,
            int status,
            String contentType,
            String location,
            String body,
            JsonNode json,
            long millis,
            String failure) {

        public boolean isJson() {
            return json != null && json.isObject();
        }

        public String field(String name) {
            JsonNode node = json == null ? null : json.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** A short description for the report: status, content type and the OAuth error, if any. */
        public String summary() {
            if (failure != null) {
                return failure;
            }
            StringBuilder text = new StringBuilder("HTTP ")
                    .append(status)
                    .append(' ')
                    .append(contentType == null ? "(no content type)" : contentType);
            if (location != null) {
                text.append(", Location ").append(location);
            }
            if (isJson() && field("error") != null) {
                text.append(", error ").append(field("error"));
                if (field("error_description") != null) {
                    text.append(" (").append(field("error_description")).append(')');
                }
            } else if (!isJson() && body != null && !body.isBlank()) {
                String flat = body.replaceAll("\\s+", " ").trim();
                text.append(", body '")
                        .append(flat, 0, Math.min(80, flat.length()))
                        .append(flat.length() > 80 ? "…'" : "'");
            }
            return text.append(", ").append(millis).append(" ms").toString();
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final String clientId;
    private final String clientSecret;
    private final List<Answer> answers = new ArrayList<>();

    public TokenClient(HttpClient http, Duration timeout, String clientId, String clientSecret) {
        this.http = http;
        this.timeout = timeout;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** POSTs the form; with a scheme, adds the client credentials that way (null: none). */
    public Answer post(String label, URI endpoint, Map<String, String> form, Target.ClientAuth scheme) {
        Map<String, String> values = new LinkedHashMap<>(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (scheme != null) {
            Forms.clientCredentials(request, values, clientId, clientSecret, scheme == Target.ClientAuth.BASIC);
        }
        long start = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(form(values)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            answer = new Answer(
                    label,
                    response.statusCode(),
                    contentType,
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    parse(contentType, response.body()),
                    millis,
                    null);
        } catch (IOException e) {
            answer = new Answer(
                    label,
                    0,
                    null,
                    null,
                    null,
                    null,
                    (System.nanoTime() - start) / 1_000_000,
                    "POST " + endpoint + ": " + Failures.network(endpoint, timeout, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        answers.add(answer);
        return answer;
    }

    /** Every answer so far, for the latency check. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    private static JsonNode parse(String contentType, String body) {
        if (contentType == null
                || !contentType.toLowerCase().startsWith("application/json")
                || body == null
                || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined and base64-encoded. */
    public static String basic(String id, String secret) {
        return Forms.basic(id, secret);
    }

    public static String form(Map<String, String> values) {
        return Forms.form(values);
    }

    /** The claims of a JWT, without verifying it (the server's own token, read only for its type). Null if not a JWT. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
