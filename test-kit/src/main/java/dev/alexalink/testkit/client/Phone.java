package dev.alexalink.testkit.client;

import dev.alexalink.testkit.server.Http;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Alexa app's web view on a phone: keeps cookies, follows redirects within our server, submits HTML forms the
 * way a browser does, and stops at the first redirect that leaves our server (to Amazon).
 */
public final class Phone {

    public static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Version/4.0 Chrome/126.0 Mobile Safari/537.36";

    private final HttpClient http = Http.builder()
            .cookieHandler(new LocalhostIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
            .build();
    private final String ownHost;

    public Phone(String serverBaseUrl) {
        this.ownHost = URI.create(serverBaseUrl).getAuthority();
    }

    /** What the web view shows, or where it was sent when a redirect left our server. */
    public record Page(int status, URI uri, String body, URI redirectedTo) {
        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean leftServer() {
            return redirectedTo != null;
        }

        public Map<String, String> redirectParameters() {
            return query(redirectedTo);
        }
    }

    public Page open(String url) throws IOException, InterruptedException {
        return send(request(URI.create(url)).GET().build());
    }

    /** Fills in and submits the form matching the selector, pressing the named button (null: none). */
    public Page submit(Page page, String formSelector, Map<String, String> fields, String button) throws IOException, InterruptedException {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form '" + formSelector + "' on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("button") && !(type.equals("checkbox") && !input.hasAttr("checked"))) {
                values.put(input.attr("name"), input.val());
            }
        }
        values.putAll(fields);
        if (button != null) {
            Element pressed = form.selectFirst("[name=" + button + "]");
            if (pressed == null) {
                throw new AssertionError("no button '" + button + "' in form '" + formSelector + "' on " + page.uri());
            }
            values.put(button, pressed.val());
        }
        URI action = URI.create(form.absUrl("action"));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))).build());
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 302 || status == 303 || status == 301 || status == 307) {
            URI location = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!ownHost.equals(location.getAuthority())) {
                return new Page(status, request.uri(), response.body(), location);
            }
            return send(request(location).GET().build());
        }
        return new Page(status, request.uri(), response.body(), null);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", USER_AGENT)
                .header("Accept-Language", "en-US,en;q=0.9");
    }

    /**
     * Browsers treat http://localhost as a secure context and send it Secure cookies (Keycloak's login cookies are
     * Secure; SameSite=None). Java's CookieManager does not, so the dev server is presented to it as https.
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager cookies;

        public LocalhostIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean localhost = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            return cookies.get(localhost ? URI.create(uri.toString().replaceFirst("^http:", "https:")) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }

    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8), java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
