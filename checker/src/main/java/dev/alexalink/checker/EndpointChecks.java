package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The discovery document, the authorization endpoint, and the token endpoint's answer to codes it never issued. */
final class EndpointChecks {

    static final String DISCOVERY = "discovery document";
    static final String AUTHORIZATION = "authorization endpoint";
    static final String TOKEN_BASIC = "bogus code, HTTP Basic";
    static final String TOKEN_BODY = "bogus code, credentials in body";
    static final String TOKEN_NO_CLIENT = "bogus code, no client credentials";

    /** The endpoints the later steps use: from the discovery document, or Keycloak's paths when it is missing. */
    record Endpoints(URI authorization, URI token, URI revocation) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Target target;
    private final HttpClient http;
    private final TokenClient tokens;

    EndpointChecks(Target target, HttpClient http, TokenClient tokens) {
        this.target = target;
        this.http = http;
        this.tokens = tokens;
    }

    Endpoints discovery(List<Check> checks) {
        URI url = URI.create(target.issuer() + "/.well-known/openid-configuration");
        Endpoints fallback = new Endpoints(
                URI.create(target.issuer() + "/protocol/openid-connect/auth"),
                URI.create(target.issuer() + "/protocol/openid-connect/token"),
                URI.create(target.issuer() + "/protocol/openid-connect/revoke"));
        String fallbackNote = "; the next checks use Keycloak's standard endpoint paths";
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(target.timeout())
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            checks.add(Check.fail(
                    DISCOVERY,
                    "GET " + url + ": " + Failures.network(url, target.timeout(), e) + fallbackNote,
                    "make " + url.getHost() + ":" + target.port() + " reachable from the internet"));
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode document = null;
        try {
            document = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            document = null;
        }
        if (document == null
                || !document.isObject()
                || !document.hasNonNull("authorization_endpoint")
                || !document.hasNonNull("token_endpoint")) {
            checks.add(
                    Check.fail(
                            DISCOVERY,
                            url + " answered HTTP " + response.statusCode() + " "
                                    + response.headers()
                                            .firstValue("Content-Type")
                                            .orElse("") + ", not an OpenID Connect discovery document" + fallbackNote,
                            "check the issuer URL (Keycloak: https://host/realms/REALM) and that the proxy passes /realms/ through"));
            return fallback;
        }
        Endpoints endpoints = new Endpoints(
                URI.create(document.get("authorization_endpoint").asText()),
                URI.create(document.get("token_endpoint").asText()),
                document.hasNonNull("revocation_endpoint")
                        ? URI.create(document.get("revocation_endpoint").asText())
                        : null);
        String issuer = document.path("issuer").asText("");
        String detail = "issuer " + issuer + "; authorization_endpoint " + endpoints.authorization()
                + "; token_endpoint " + endpoints.token();
        String hostnameFix = "set the public URL: Keycloak KC_HOSTNAME="
                + target.issuer().getScheme() + "://" + target.issuer().getRawAuthority()
                + " and, behind a TLS proxy, KC_PROXY_HEADERS=xforwarded (the proxy sending X-Forwarded-Proto https and the host)";
        if (target.https()
                && (!"https".equals(endpoints.token().getScheme())
                        || !"https".equals(endpoints.authorization().getScheme()))) {
            checks.add(Check.fail(DISCOVERY, detail + ": an endpoint is not https", hostnameFix));
        } else if (!issuer.equals(target.issuer().toString())) {
            checks.add(Check.warn(
                    DISCOVERY, detail + ": the document names another issuer than " + target.issuer(), hostnameFix));
        } else {
            checks.add(Check.pass(DISCOVERY, detail));
        }
        return endpoints;
    }

    /** The URL the Alexa app opens, answered with a sign-in page (with a client), or at least an answer (without). */
    void authorization(Endpoints endpoints, List<Check> checks) {
        URI url = target.hasClient()
                ? LinkFlow.authorizationUrl(
                        endpoints.authorization(),
                        target,
                        URI.create(AlexaRegion.NORTH_AMERICA.redirectUri(vendorOrPlaceholder())),
                        "alexa-linking-checker")
                : endpoints.authorization();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(target.timeout())
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            checks.add(Check.fail(
                    AUTHORIZATION,
                    "GET " + endpoints.authorization() + ": " + Failures.network(url, target.timeout(), e),
                    "make the authorization endpoint reachable from the internet"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int status = response.statusCode();
        String title = org.jsoup.Jsoup.parse(response.body()).title();
        if (status >= 500 || status == 404) {
            checks.add(Check.fail(
                    AUTHORIZATION,
                    endpoints.authorization() + " answered HTTP " + status + " '" + title + "'",
                    "check the Authorization URI and the proxy's routing of /realms/"));
        } else if (!target.hasClient()) {
            checks.add(Check.pass(
                    AUTHORIZATION,
                    endpoints.authorization() + " answers (HTTP " + status + " without parameters; give "
                            + "--client-id and --vendor-id to check the sign-in page)"));
        } else if (status == 200
                && !org.jsoup.Jsoup.parse(response.body())
                        .select("form:has(input[type=password])")
                        .isEmpty()) {
            checks.add(Check.pass(
                    AUTHORIZATION,
                    "HTTP 200, a sign-in form for client " + target.clientId()
                            + (target.vendorId() == null
                                    ? ""
                                    : " and redirect URL "
                                            + AlexaRegion.NORTH_AMERICA.redirectUri(target.vendorId()))));
        } else if (target.vendorId() == null) {
            checks.add(Check.pass(
                    AUTHORIZATION,
                    endpoints.authorization() + " answers HTTP " + status + " '" + title
                            + "' (give --vendor-id so that the request carries a redirect URL the client accepts)"));
        } else {
            String text = org.jsoup.Jsoup.parse(response.body())
                    .select("#kc-error-message, .instruction, .kc-feedback-text, p")
                    .text();
            String location = response.headers().firstValue("Location").orElse(null);
            Map<String, String> redirect = redirectParameters(url, location);
            String detail = "no sign-in page for client " + target.clientId() + ": HTTP " + status + " '" + title + "' "
                    + text + (location == null ? "" : " Location " + location);
            checks.add(Check.fail(
                    AUTHORIZATION,
                    detail,
                    redirect.containsKey("error")
                            ? OAuthErrors.fix(
                                    OAuthErrors.Step.AUTHORIZATION,
                                    redirect.get("error"),
                                    redirect.get("error_description"),
                                    target)
                            : OAuthErrors.errorPageFix(title + " " + text, target)));
        }
    }

    /** Alexa's code exchange with a code the server never issued, under each client authentication scheme. */
    void bogusCodes(Endpoints endpoints, List<Check> checks) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", "alexa-linking-checker-code-that-was-never-issued");
        form.put("redirect_uri", AlexaRegion.NORTH_AMERICA.redirectUri(vendorOrPlaceholder()));
        if (!target.hasClient()) {
            checks.add(TokenAnswers.bogusCode(
                    TOKEN_NO_CLIENT, tokens.post("bogus code", endpoints.token(), form, null), null, target));
            String reason = "needs --client-id and --client-secret";
            checks.add(Check.skip(TOKEN_BASIC, reason));
            checks.add(Check.skip(TOKEN_BODY, reason));
            return;
        }
        checks.add(TokenAnswers.bogusCode(
                TOKEN_BASIC,
                tokens.post("bogus code (Basic)", endpoints.token(), form, Target.ClientAuth.BASIC),
                Target.ClientAuth.BASIC,
                target));
        checks.add(TokenAnswers.bogusCode(
                TOKEN_BODY,
                tokens.post("bogus code (body)", endpoints.token(), form, Target.ClientAuth.BODY),
                Target.ClientAuth.BODY,
                target));
    }

    /** The query parameters of a redirect (none when there is none or it is not a URL). */
    private static Map<String, String> redirectParameters(URI request, String location) {
        if (location == null) {
            return Map.of();
        }
        try {
            return Forms.query(request.resolve(location));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private String vendorOrPlaceholder() {
        return target.vendorId() == null ? "M0CHECKERVENDOR" : target.vendorId();
    }
}
