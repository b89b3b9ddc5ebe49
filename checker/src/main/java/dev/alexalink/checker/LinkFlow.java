package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.webview.Forms;
import dev.alexalink.webview.WebView;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One whole link per region, as the Alexa app and the Alexa service perform it: authorize with a long opaque state,
 * sign in, consent, catch the redirect to Amazon (never followed), exchange the code, refresh, and refresh again with
 * the same refresh token. Every refresh token received is kept for {@link Cleanup}.
 */
final class LinkFlow {

    /** Alexa's access tokens must live at least 6 minutes. */
    static final int MINIMUM_EXPIRES_IN = 360;

    private final Target target;
    private final TrustStore trust;
    private final TokenClient tokens;
    private final EndpointChecks.Endpoints endpoints;
    private final List<String> refreshTokens = new ArrayList<>();

    LinkFlow(Target target, TrustStore trust, TokenClient tokens, EndpointChecks.Endpoints endpoints) {
        this.target = target;
        this.trust = trust;
        this.tokens = tokens;
        this.endpoints = endpoints;
    }

    List<String> refreshTokens() {
        return List.copyOf(refreshTokens);
    }

    static URI authorizationUrl(URI endpoint, Target target, URI redirectUri, String state) {
        StringBuilder url = new StringBuilder(endpoint.toString())
                .append(endpoint.getRawQuery() == null ? '?' : '&')
                .append("response_type=code&client_id=")
                .append(encode(target.clientId()))
                .append("&redirect_uri=")
                .append(encode(redirectUri.toString()))
                .append("&state=")
                .append(encode(state));
        if (target.scope() != null) {
            url.append("&scope=").append(encode(target.scope()));
        }
        return URI.create(url.toString());
    }

    /** An opaque state as Alexa sends it: a JWT-like string of several hundred characters. */
    static String longState() {
        byte[] random = new byte[420];
        new SecureRandom().nextBytes(random);
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + ".c2lnbmF0dXJl";
    }

    void run(AlexaRegion region, List<Check> checks) {
        String prefix = "link " + region.host() + ": ";
        String[] steps = {
            "sign-in and consent", "code exchange", "expires_in", "offline refresh token", "refresh", "replayed refresh"
        };
        List<Check> done = new ArrayList<>();
        try {
            runSteps(region, prefix, done);
        } catch (IOException e) {
            done.add(Check.fail(
                    prefix + steps[Math.min(done.size(), steps.length - 1)],
                    Failures.network(endpoints.authorization(), target.timeout(), e),
                    "check that the server stays reachable during the whole link"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        checks.addAll(done);
        boolean failed = done.stream().anyMatch(c -> c.outcome() == Outcome.FAIL);
        for (int i = done.size(); i < steps.length; i++) {
            checks.add(Check.skip(prefix + steps[i], failed ? "an earlier step of this link failed" : "not reached"));
        }
    }

    private void runSteps(AlexaRegion region, String prefix, List<Check> done)
            throws IOException, InterruptedException {
        URI redirectUri = URI.create(region.redirectUri(target.vendorId()));
        String state = longState();
        WebView phone = AmazonHttp.webView(target, trust);
        WebView.Page page = phone.open(
                authorizationUrl(endpoints.authorization(), target, redirectUri, state), redirectUri.toString());
        String name = prefix + "sign-in and consent";
        Element login = page.leftServer() ? null : page.document().selectFirst("form:has(input[type=password])");
        if (login == null) {
            done.add(noSignInForm(name, page));
            return;
        }
        Element userField = login.selectFirst("input[name=username], input[type=email], input[type=text]");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put(userField == null ? "username" : userField.attr("name"), target.username());
        credentials.put(login.selectFirst("input[type=password]").attr("name"), target.password());
        page = phone.submit(page, login, credentials, null, redirectUri.toString());
        boolean consentShown = false;
        if (!page.leftServer()) {
            Element consent = page.document().selectFirst("form:has([name=accept])");
            if (consent == null) {
                String fix = page.document().selectFirst("form:has(input[type=password])") != null
                        ? "check --username and --password: the test user must exist in this realm, be enabled, and have no required actions"
                        : "sign in once as the test user in a browser and finish what the page asks (a required action such as "
                                + "'update password' or 'verify email'), or use a user without required actions";
                done.add(Check.fail(name, "after sign-in: " + page.describe(), fix));
                return;
            }
            consentShown = true;
            page = phone.submit(page, consent, Map.of(), "accept", redirectUri.toString());
        }
        if (!page.leftServer()) {
            done.add(Check.fail(
                    name,
                    "no redirect after consent: " + page.describe(),
                    "check the consent page of the login theme"));
            return;
        }
        URI location = page.redirectedTo();
        Map<String, String> parameters = Forms.query(location);
        String landed = location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath();
        if (!landed.equals(redirectUri.toString())) {
            done.add(Check.fail(
                    name,
                    "redirected to " + landed + ", not to " + redirectUri,
                    "the client's redirect URIs must be Alexa's exactly"));
            return;
        }
        if (parameters.containsKey("error")) {
            done.add(Check.fail(
                    name,
                    "Amazon would receive " + errorOf(parameters),
                    OAuthErrors.fix(
                            OAuthErrors.Step.AUTHORIZATION,
                            parameters.get("error"),
                            parameters.get("error_description"),
                            target)));
            return;
        }
        String code = parameters.get("code");
        if (code == null || code.isBlank()) {
            done.add(Check.fail(
                    name,
                    "the redirect to " + redirectUri + " carries no code",
                    "the client must use response_type=code"));
            return;
        }
        if (!state.equals(parameters.get("state"))) {
            String got = parameters.get("state");
            done.add(Check.fail(
                    name,
                    "the state came back changed: sent " + state.length() + " characters, got "
                            + (got == null ? "none" : got.length() + " characters"),
                    "return state unchanged: nothing may shorten or re-encode it"
                            + " (a proxy's URL length limit, e.g. nginx large_client_header_buffers)"));
            return;
        }
        done.add(Check.pass(
                name,
                "authorize with a " + state.length() + "-character state, sign-in, "
                        + (consentShown ? "consent" : "no consent page") + ", then HTTP " + page.status() + " to "
                        + redirectUri + " with a code and the state unchanged (not followed)"));

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri.toString());
        TokenClient.Answer answer =
                tokens.post("code exchange " + region.host(), endpoints.token(), exchange, target.clientAuth());
        name = prefix + "code exchange";
        Check shape = tokenResponse(name, answer, OAuthErrors.Step.CODE_EXCHANGE);
        if (shape != null) {
            done.add(shape);
            return;
        }
        String refreshToken = answer.field("refresh_token");
        refreshTokens.add(refreshToken);
        done.add(Check.pass(
                name,
                answer.summary() + ", token_type " + answer.field("token_type") + ", with access and refresh token"));
        Check expires = expiresIn(prefix + "expires_in", answer);
        done.add(expires);

        JsonNode claims = TokenClient.claims(refreshToken);
        name = prefix + "offline refresh token";
        String typ = claims == null ? null : claims.path("typ").asText(null);
        if ("Offline".equals(typ)) {
            done.add(
                    Check.pass(
                            name,
                            "the refresh token is an offline token (typ Offline): the link survives the end of the sign-in session"));
        } else if (claims == null) {
            done.add(Check.warn(
                    name,
                    "the refresh token is not a JWT, so its kind cannot be read",
                    "make sure refresh tokens outlive "
                            + "the sign-in session (Keycloak: offline_access as a default client scope)"));
        } else {
            done.add(Check.fail(
                    name,
                    "the refresh token's typ is " + typ + ", not Offline: the link dies with the sign-in session "
                            + "(Keycloak's default SSO Session Max is 10 hours)",
                    "make offline_access a default client scope of " + target.clientId()
                            + " (or add it to the skill's scopes) and grant the realm role offline_access to users"));
        }

        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", refreshToken);
        name = prefix + "refresh";
        answer = tokens.post("refresh " + region.host(), endpoints.token(), refresh, target.clientAuth());
        shape = tokenResponse(name, answer, OAuthErrors.Step.REFRESH);
        if (shape != null) {
            done.add(shape);
            return;
        }
        refreshTokens.add(answer.field("refresh_token"));
        done.add(
                answer.field("expires_in") == null
                        ? Check.fail(
                                name,
                                answer.summary() + " without expires_in",
                                "every token answer, refreshes too, must carry expires_in: Alexa schedules its refresh from it")
                        : Check.pass(
                                name,
                                answer.summary() + ", new access token, expires_in " + answer.field("expires_in")));

        name = prefix + "replayed refresh";
        answer = tokens.post("replayed refresh " + region.host(), endpoints.token(), refresh, target.clientAuth());
        shape = tokenResponse(name, answer, OAuthErrors.Step.REFRESH);
        if (shape != null) {
            boolean refused = answer.failure() == null && "invalid_grant".equals(answer.field("error"));
            done.add(Check.fail(
                    name,
                    "refreshing twice with the same refresh token failed: " + shape.detail(),
                    refused
                            ? "let refresh tokens be used more than once: Alexa retries refreshes (Keycloak: Revoke "
                                    + "Refresh Token off, or a Refresh Token Max Reuse above 0); otherwise one lost "
                                    + "answer unlinks the user"
                            : shape.fix()));
            return;
        }
        refreshTokens.add(answer.field("refresh_token"));
        done.add(Check.pass(name, "the same refresh token worked a second time: " + answer.summary()));
    }

    /** The failure when the authorization request showed no sign-in form: an OAuth error, an error page, or elsewhere. */
    private Check noSignInForm(String name, WebView.Page page) {
        if (page.leftServer() && page.redirectParameters().containsKey("error")) {
            Map<String, String> parameters = page.redirectParameters();
            return Check.fail(
                    name,
                    "no sign-in form after authorize: Amazon would receive " + errorOf(parameters),
                    OAuthErrors.fix(
                            OAuthErrors.Step.AUTHORIZATION,
                            parameters.get("error"),
                            parameters.get("error_description"),
                            target));
        }
        if (page.leftServer()) {
            return Check.fail(
                    name,
                    "no sign-in form after authorize: " + page.describe(),
                    "the authorization endpoint must show the realm's sign-in form to the Alexa app: nothing in front "
                            + "of it (a proxy's own login, an identity provider redirector) may send it elsewhere");
        }
        return Check.fail(
                name,
                "no sign-in form after authorize: " + page.describe(),
                OAuthErrors.errorPageFix(page.describe(), target));
    }

    /** "error=E (description)", as the redirect carries it. */
    static String errorOf(Map<String, String> parameters) {
        String description = parameters.get("error_description");
        return "error=" + parameters.get("error") + (description == null ? "" : " (" + description + ")");
    }

    /** Null when the answer is a token response; otherwise the failure. */
    private Check tokenResponse(String name, TokenClient.Answer answer, OAuthErrors.Step step) {
        if (answer.failure() != null) {
            return Check.fail(name, answer.failure(), "make the token endpoint reachable");
        }
        if (answer.status() != 200
                || !answer.isJson()
                || answer.field("access_token") == null
                || answer.field("refresh_token") == null) {
            Check shape = answer.status() != 200 ? TokenAnswers.oauthJson(name, answer) : null;
            if (shape != null) {
                return shape;
            }
            String expected = "expected HTTP 200 JSON with access_token and refresh_token, got " + answer.summary();
            return answer.field("error") != null
                    ? Check.fail(name, expected, OAuthErrors.tokenFix(step, answer, target))
                    : Check.fail(
                            name,
                            expected,
                            "check the client's settings; Keycloak's log names the reason of the refused grant (event CODE_TO_TOKEN_ERROR or REFRESH_TOKEN_ERROR)");
        }
        return null;
    }

    static Check expiresIn(String name, TokenClient.Answer answer) {
        String value = answer.field("expires_in");
        if (value == null) {
            return Check.fail(
                    name, "the token answer has no expires_in", "send expires_in: Alexa schedules its refresh from it");
        }
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Check.fail(
                    name, "expires_in '" + value + "' is not a number of seconds", "send expires_in as an integer");
        }
        if (seconds < MINIMUM_EXPIRES_IN) {
            return Check.fail(
                    name,
                    "expires_in " + seconds + " s; Alexa needs access tokens of at least " + MINIMUM_EXPIRES_IN + " s",
                    "raise the client's Access Token Lifespan to 360 s or more (Keycloak: Client > Advanced > Access Token Lifespan)");
        }
        return Check.pass(name, "expires_in " + seconds + " s (at least " + MINIMUM_EXPIRES_IN + ")");
    }

    static String encode(String value) {
        return Forms.encode(value);
    }
}
