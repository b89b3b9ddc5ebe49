package dev.alexalink.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Amazon's servers at our token endpoint: form-encoded POSTs, client credentials by HTTP Basic or in the body. */
public final class AlexaService {

    public enum ClientAuthentication {
        HTTP_BASIC,
        REQUEST_BODY
    }

    public record TokenResponse(int status, String body, JsonNode json) {
        public String field(String name) {
            JsonNode node = json.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = Http.client();
    private final String tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final ClientAuthentication authentication;

    public AlexaService(String realmUrl, String clientId, String clientSecret, ClientAuthentication authentication) {
        this.tokenEndpoint = realmUrl + "/protocol/openid-connect/token";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.authentication = authentication;
    }

    public TokenResponse exchangeCode(String code, String redirectUri) throws IOException, InterruptedException {
        return exchangeCode(code, redirectUri, null);
    }

    /** With the PKCE code_verifier (RFC 7636 §4.5) when not null. */
    public TokenResponse exchangeCode(String code, String redirectUri, String codeVerifier)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return post(form);
    }

    public TokenResponse refresh(String refreshToken) throws IOException, InterruptedException {
        return refresh(refreshToken, null);
    }

    public TokenResponse refresh(String refreshToken, String scope) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(form);
    }

    /** RFC 7662, as the skill's backend asks with the skill's own credentials. */
    public TokenResponse introspect(String token) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        return post(tokenEndpoint + "/introspect", form);
    }

    /** RFC 7009, as the skill's backend revokes the user's token when the skill is disabled. */
    public TokenResponse revoke(String token, String tokenTypeHint) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", tokenTypeHint);
        return post(tokenEndpoint.replace("/token", "/revoke"), form);
    }

    /** The userinfo endpoint, called with the access token as the skill's backend calls it. */
    public static TokenResponse userinfo(String realmUrl, String accessToken) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + accessToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() || !response.body().startsWith("{")
                ? JSON.createObjectNode()
                : JSON.readTree(response.body());
        return new TokenResponse(
                response.statusCode(),
                response.body() + " "
                        + response.headers().firstValue("WWW-Authenticate").orElse(""),
                json);
    }

    private TokenResponse post(Map<String, String> form) throws IOException, InterruptedException {
        return post(tokenEndpoint, form);
    }

    private TokenResponse post(String endpoint, Map<String, String> form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        Forms.clientCredentials(
                request, form, clientId, clientSecret, authentication == ClientAuthentication.HTTP_BASIC);
        HttpResponse<String> response = http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(Forms.form(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new TokenResponse(response.statusCode(), response.body(), json);
    }

    /** The claims of a JWT, without verifying it (the server's own tokens, read to check their type and lifetime). */
    public static JsonNode claims(String jwt) throws IOException {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }
}
