package dev.alexalink.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP as the Alexa app's web view and Amazon's servers send it, for the attack suites. */
final class AttackSuiteHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = Http.client();

    private AttackSuiteHttp() {
    }

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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The authorization URL as the Alexa app opens it; redirect_uri appended as given (already encoded or raw). */
    static String authorizationUrl(String clientId, String rawRedirectUriParameter, String state, String scope) {
        StringBuilder url = new StringBuilder(AttackSuiteServer.realmUrl()).append("/protocol/openid-connect/auth?response_type=code")
                .append("&client_id=").append(encode(clientId)).append("&state=").append(encode(state));
        if (scope != null) {
            url.append("&scope=").append(encode(scope));
        }
        if (rawRedirectUriParameter != null) {
            url.append("&redirect_uri=").append(rawRedirectUriParameter);
        }
        return url.toString();
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static Reply send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    /** A POST to the realm's token endpoint with this form and these extra headers (name, value pairs). */
    static Reply token(Map<String, String> form, String... headers) throws IOException, InterruptedException {
        return post("/protocol/openid-connect/token", form, headers);
    }

    static Reply post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(AttackSuiteServer.realmUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(HTTP, request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** RFC 6749 §2.3.1: id and secret form-urlencoded, joined with ':', base64. */
    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(id) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
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
        return HTTP.send(HttpRequest.newBuilder(URI.create(AttackSuiteServer.realmUrl() + "/protocol/openid-connect/userinfo"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /**
     * The phone user: opens the authorization URL, signs in, consents, and returns the code of the redirect to
     * Amazon's URL (the redirect is asserted to go exactly there, with the state).
     */
    static String code(String clientId, String redirectUri, String scope, String username) throws IOException, InterruptedException {
        String state = "state-" + System.nanoTime();
        Page back = signInAndConsent(URI.create(authorizationUrl(clientId, encode(redirectUri), state, scope)), username);
        String location = back.redirectedTo().toString();
        assertThat(location.substring(0, location.indexOf('?'))).isEqualTo(redirectUri);
        assertThat(query(back.redirectedTo())).containsEntry("state", state).containsKey("code");
        return query(back.redirectedTo()).get("code");
    }

    /** Opens the authorization URL, signs in and consents; returns the page whose redirect left our server. */
    static Page signInAndConsent(URI authorizationUrl, String username) throws IOException, InterruptedException {
        WebView view = new WebView();
        Page login = view.open(authorizationUrl);
        assertThat(login.status()).as("login page: %s", login.body()).isEqualTo(200);
        Page consent = view.submit(login, "form#kc-form-login", Map.of("username", username, "password", AttackSuiteServer.USER_PASSWORD), null);
        Page back = consent.redirectedTo() != null ? consent : view.submit(consent, "form:has([name=accept])", Map.of(), "accept");
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
                parameters.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    record Page(int status, URI uri, String body, URI redirectedTo) {
        Document document() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    /** A cookie-keeping browser that follows redirects on our server and stops at the first one leaving it. */
    static final class WebView {
        private final HttpClient http = Http.builder().cookieHandler(new LocalhostIsSecure()).build();
        private final String ownAuthority = URI.create(AttackSuiteServer.server().baseUrl()).getAuthority();

        Page open(URI uri) throws IOException, InterruptedException {
            return follow(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build());
        }

        Page submit(Page page, String formSelector, Map<String, String> fields, String button) throws IOException, InterruptedException {
            Element form = page.document().selectFirst(formSelector);
            assertThat(form).as("form %s on %s: %s", formSelector, page.uri(), page.body()).isNotNull();
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : form.select("input[name]")) {
                String type = input.attr("type");
                if (!type.equals("submit") && !type.equals("button") && !(type.equals("checkbox") && !input.hasAttr("checked"))) {
                    values.put(input.attr("name"), input.val());
                }
            }
            values.putAll(fields);
            if (button != null) {
                values.put(button, form.selectFirst("[name=" + button + "]").val());
            }
            return follow(HttpRequest.newBuilder(URI.create(form.absUrl("action"))).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(values))).build());
        }

        private Page follow(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                URI location = request.uri().resolve(response.headers().firstValue("Location").get());
                if (!ownAuthority.equals(location.getAuthority())) {
                    return new Page(status, request.uri(), response.body(), location);
                }
                return follow(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(60)).GET().build());
            }
            return new Page(status, request.uri(), response.body(), null);
        }
    }

    /** Keycloak's login cookies are Secure; browsers send them to http://localhost, Java's CookieManager only to https. */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            return cookies.get(local ? URI.create(uri.toString().replaceFirst("^http:", "https:")) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }
}
