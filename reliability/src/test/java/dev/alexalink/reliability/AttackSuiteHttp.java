package dev.alexalink.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP as the Alexa app's web view and Amazon's servers send it, for the attack suites. */
final class AttackSuiteHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = Http.client();
    /** The skill's redirect URLs of the three regions, for the vendor ID of the forged corpus (AlexaServer.VENDOR_ID). */
    static final List<String> REDIRECT_URIS = Arrays.stream(AlexaRegion.values())
            .map(region -> region.redirectUri(AlexaServer.VENDOR_ID))
            .toList();

    private AttackSuiteHttp() {}

    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        boolean isJson() {
            return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        }
    }

    /** The authorization URL as the Alexa app opens it; redirect_uri appended as given (already encoded or raw). */
    static String authorizationUrl(String clientId, String rawRedirectUriParameter, String state, String scope) {
        StringBuilder url = new StringBuilder(AlexaServer.realmUrl())
                .append("/protocol/openid-connect/auth?response_type=code")
                .append("&client_id=")
                .append(Forms.encode(clientId))
                .append("&state=")
                .append(Forms.encode(state));
        if (scope != null) {
            url.append("&scope=").append(Forms.encode(scope));
        }
        if (rawRedirectUriParameter != null) {
            url.append("&redirect_uri=").append(rawRedirectUriParameter);
        }
        return url.toString();
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Reply send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    /** A POST to the realm's token endpoint with this form and these extra headers (name, value pairs). */
    static Reply token(Map<String, String> form, String... headers) throws IOException, InterruptedException {
        return post("/protocol/openid-connect/token", form, headers);
    }

    static Reply post(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(AlexaServer.realmUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(
                HTTP,
                request.POST(HttpRequest.BodyPublishers.ofString(Forms.form(form)))
                        .build());
    }

    static Map<String, String> codeGrant(String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        return form;
    }

    static Map<String, String> refreshGrant(String refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return form;
    }

    /** Userinfo with a bearer access token: 200 while the token's session lives. */
    static int userinfo(String accessToken) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/userinfo"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + accessToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /**
     * The phone user: opens the authorization URL, signs in, consents, and returns the code of the redirect to
     * Amazon's URL (the redirect is asserted to go exactly there, with the state).
     */
    static String code(String clientId, String redirectUri, String scope, String username)
            throws IOException, InterruptedException {
        String state = "state-" + System.nanoTime();
        Phone.Page back = signInAndConsent(
                URI.create(authorizationUrl(clientId, Forms.encode(redirectUri), state, scope)), username);
        String location = back.redirectedTo().toString();
        assertThat(location.substring(0, location.indexOf('?'))).isEqualTo(redirectUri);
        assertThat(Forms.query(back.redirectedTo()))
                .containsEntry("state", state)
                .containsKey("code");
        return Forms.query(back.redirectedTo()).get("code");
    }

    /** The web view on the attack suites' server: 60 seconds a request. */
    static Phone phone() {
        return new Phone(AlexaServer.server().baseUrl(), Duration.ofSeconds(60));
    }

    /** Opens the authorization URL, signs in and consents; returns the page whose redirect left our server. */
    static Phone.Page signInAndConsent(URI authorizationUrl, String username) throws IOException, InterruptedException {
        Phone view = phone();
        Phone.Page login = view.open(authorizationUrl);
        assertThat(login.status()).as("login page: %s", login.body()).isEqualTo(200);
        Phone.Page consent = view.submit(
                login, "form#kc-form-login", Map.of("username", username, "password", AlexaServer.USER_PASSWORD), null);
        Phone.Page back = consent.redirectedTo() != null
                ? consent
                : view.submit(consent, "form:has([name=accept])", Map.of(), "accept");
        assertThat(back.redirectedTo()).as("redirect to Amazon after consent").isNotNull();
        return back;
    }

    /**
     * The query parameters as Keycloak's HTTP layer (Vert.x, Netty's QueryStringDecoder) splits them: at '&' and
     * also at ';'.
     */
    static Map<String, String> serverQuery(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("[&;]")) {
                int eq = pair.indexOf('=');
                parameters.putIfAbsent(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
