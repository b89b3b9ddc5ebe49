package dev.alexalink.webview;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Alexa app's web view on a phone: keeps cookies, follows redirects on the server's own host, submits HTML forms
 * as a browser does, and stops at the first redirect that leaves the server or goes to the given address, which it
 * never follows.
 */
public class WebView {

    /** The Alexa app's web view on Android. */
    public static final String USER_AGENT =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Version/4.0 Chrome/126.0 Mobile Safari/537.36";

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http;
    private final String ownAuthority;
    private final Duration timeout;
    private final String[] headers;

    /** What the web view shows, or where it was sent when a redirect left the server. */
    public record Page(int status, URI uri, String body, URI redirectedTo) {
        public Document document() {
            return Jsoup.parse(body == null ? "" : body, uri.toString());
        }

        public boolean leftServer() {
            return redirectedTo != null;
        }

        /** The query parameters of the redirect that left the server. */
        public Map<String, String> redirectParameters() {
            return Forms.query(redirectedTo);
        }

        /** Status, address, title and any message shown: for reports and assertion messages. */
        public String describe() {
            if (leftServer()) {
                return "redirect to " + redirectedTo;
            }
            Document document = document();
            String message = document.select(
                            "#input-error, [id^=input-error], .alert-error, .pf-v5-c-alert__title, .kc-feedback-text, "
                                    + "#kc-error-message, .instruction")
                    .text();
            return "HTTP " + status + " " + uri.getPath() + " '" + document.title() + "'"
                    + (message.isBlank() ? "" : ": " + message);
        }
    }

    /**
     * @param server an address on the server whose redirects are followed (its scheme, host and port count)
     * @param timeout of each request
     * @param client the HTTP client, given the web view's cookie handler; it must not follow redirects itself
     * @param headers further request headers, name and value pairs (User-Agent, Accept, ...)
     */
    public WebView(URI server, Duration timeout, Function<CookieHandler, HttpClient> client, String... headers) {
        this.http = client.apply(new LocalhostIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)));
        this.ownAuthority = server.getRawAuthority();
        this.timeout = timeout;
        this.headers = headers.clone();
    }

    public Page open(String url) throws IOException, InterruptedException {
        return open(URI.create(url), null);
    }

    public Page open(URI uri) throws IOException, InterruptedException {
        return open(uri, null);
    }

    /** Opens the address; {@code stopAt} (null: none), a redirect starting with it is not followed. */
    public Page open(URI uri, String stopAt) throws IOException, InterruptedException {
        return send(request(uri).GET().build(), stopAt, 0);
    }

    /** Fills in and submits the form matching the selector, pressing the named button (null: none); both must be there. */
    public Page submit(Page page, String formSelector, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no form '" + formSelector + "' on " + page.uri() + ":\n" + page.body());
        }
        if (button != null && form.selectFirst("[name=" + button + "]") == null) {
            throw new IllegalStateException(
                    "no button '" + button + "' in form '" + formSelector + "' on " + page.uri());
        }
        return submit(page, form, fields, button, null);
    }

    /** Fills in and submits a form, pressing the named button (null: none; a missing one is sent empty). */
    public Page submit(Page page, Element form, Map<String, String> fields, String button, String stopAt)
            throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit")
                    && !type.equals("button")
                    && !type.equals("image")
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
        return send(
                request(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(Forms.form(values)))
                        .build(),
                stopAt,
                0);
    }

    private Page send(HttpRequest request, String stopAt, int redirects) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String header = response.headers().firstValue("Location").orElse(null);
        if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && header != null) {
            URI location = request.uri().resolve(header);
            if (!ownAuthority.equals(location.getRawAuthority())
                    || stopAt != null && location.toString().startsWith(stopAt)) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /**
     * Browsers treat http://localhost as a secure context and send it Secure cookies (Keycloak's login cookies are
     * Secure; SameSite=None). Java's CookieManager does not, so a plain-http localhost server is presented to it as https.
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
