package dev.alexalink.checker;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alexa app's web view: keeps cookies, follows redirects on the server's own host, submits HTML forms as a browser
 * does, and stops at the first redirect that leaves the server or goes to the given redirect URI, which it never follows.
 */
final class WebView {

    static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Version/4.0 Chrome/126.0 Mobile Safari/537.36 alexa-linking-checker";
    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http;
    private final Target target;
    private final String ownAuthority;

    /** What the web view shows, or where it was sent when a redirect left the server. */
    record Page(int status, URI uri, String body, URI redirectedTo) {
        Document document() {
            return Jsoup.parse(body == null ? "" : body, uri.toString());
        }

        boolean leftServer() {
            return redirectedTo != null;
        }

        /** Status, address, title and any message shown, for the report. */
        String describe() {
            if (leftServer()) {
                return "redirect to " + redirectedTo;
            }
            Document document = document();
            String message = document.select("#input-error, [id^=input-error], .alert-error, .pf-v5-c-alert__title, .kc-feedback-text, "
                    + "#kc-error-message, .instruction").text();
            return "HTTP " + status + " " + uri.getPath() + " '" + document.title() + "'" + (message.isBlank() ? "" : ": " + message);
        }
    }

    WebView(Target target, TrustStore trust) {
        this.target = target;
        this.http = AmazonHttp.client(target, trust, new LocalhostIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)));
        this.ownAuthority = target.issuer().getRawAuthority();
    }

    Page open(URI uri, String stopAt) throws IOException, InterruptedException {
        return send(request(uri).GET().build(), stopAt, 0);
    }

    /** Fills in and submits a form, pressing the named button (null: none). */
    Page submit(Page page, Element form, Map<String, String> fields, String button, String stopAt) throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("button") && !type.equals("image")
                    && !((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                values.put(input.attr("name"), input.val());
            }
        }
        values.putAll(fields);
        if (button != null) {
            Element pressed = form.selectFirst("[name=" + button + "]");
            values.put(button, pressed == null ? "" : pressed.val());
        }
        String action = form.absUrl("action");
        URI target = action.isEmpty() ? page.uri() : URI.create(action);
        return send(request(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TokenClient.form(values))).build(), stopAt, 0);
    }

    private Page send(HttpRequest request, String stopAt, int redirects) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            URI location = request.uri().resolve(response.headers().firstValue("Location").orElse(""));
            if (!ownAuthority.equals(location.getRawAuthority()) || stopAt != null && location.toString().startsWith(stopAt)) {
                return new Page(status, request.uri(), response.body(), location);
            }
            if (redirects >= MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects, the last to " + location);
            }
            return send(request(location).GET().build(), stopAt, redirects + 1);
        }
        return new Page(status, request.uri(), response.body(), null);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(target.timeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "en-US,en;q=0.9");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /**
     * Browsers treat http://localhost as a secure context and send it Secure cookies (Keycloak's login cookies are
     * Secure). Java's CookieManager does not, so a plain-http localhost server is presented to it as https.
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager cookies;

        LocalhostIsSecure(CookieManager cookies) {
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
}
