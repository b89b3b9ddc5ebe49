package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.webview.AccountConsoleClient;
import dev.alexalink.webview.WebView;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes the test links: revokes every refresh token received (RFC 7009, at the discovery document's
 * revocation_endpoint), then removes the test user's consent to the skill through Keycloak's Account API, signing in
 * as Keycloak's account console does (public client {@code account-console}, PKCE S256), and signs out the sign-in
 * sessions the checker opened.
 */
final class Cleanup {

    static final String NAME = "cleanup";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Target target;
    private final TrustStore trust;
    private final TokenClient tokens;

    Cleanup(Target target, TrustStore trust, TokenClient tokens) {
        this.target = target;
        this.trust = trust;
        this.tokens = tokens;
    }

    Check run(EndpointChecks.Endpoints endpoints, List<String> refreshTokens) {
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (endpoints.revocation() == null) {
            problems.add("the discovery document names no revocation_endpoint, so " + refreshTokens.size()
                    + " refresh tokens were not revoked");
        } else {
            int revoked = 0;
            for (String token : refreshTokens) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("token", token);
                form.put("token_type_hint", "refresh_token");
                TokenClient.Answer answer =
                        tokens.post("revocation", endpoints.revocation(), form, target.clientAuth());
                if (answer.status() == 200) {
                    revoked++;
                } else {
                    problems.add("revoking a refresh token: " + answer.summary());
                }
            }
            done.add("revoked " + revoked + " of " + refreshTokens.size() + " refresh tokens at "
                    + endpoints.revocation());
        }
        try {
            done.add(removeConsentAndSessions(endpoints, refreshTokens));
        } catch (IOException e) {
            problems.add("the consent of " + target.username() + " to " + target.clientId() + " was not removed: "
                    + Failures.network(target.issuer(), target.timeout(), e));
        } catch (IllegalStateException e) {
            problems.add("the consent of " + target.username() + " to " + target.clientId() + " was not removed: "
                    + Failures.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String detail = String.join("; ", done)
                + (problems.isEmpty() ? "" : (done.isEmpty() ? "" : "; ") + String.join("; ", problems));
        return problems.isEmpty()
                ? Check.pass(NAME, detail)
                : Check.warn(
                        NAME,
                        detail,
                        "remove the test grant by hand: Account Console > Applications > " + target.clientId()
                                + " > Remove access (or admin console: Users > " + target.username()
                                + " > Consents > Revoke)");
    }

    /**
     * Removes the consent, then signs out the sign-in sessions the checker opened: those its tokens name (claim sid)
     * and the account console's own. Other sessions of the user are left alone.
     */
    private String removeConsentAndSessions(EndpointChecks.Endpoints endpoints, List<String> refreshTokens)
            throws IOException, InterruptedException {
        AccountConsoleClient console = new AccountConsoleClient(target.issuer().toString(), target.timeout());
        String accountUrl = console.redirectUri();
        WebView browser = AmazonHttp.webView(target, trust);
        WebView.Page page = browser.open(console.authorizationUrl(endpoints.authorization(), "cleanup"), accountUrl);
        Element login = page.leftServer() ? null : page.document().selectFirst("form:has(input[type=password])");
        if (login != null) {
            Element userField = login.selectFirst("input[name=username], input[type=email], input[type=text]");
            page = browser.submit(
                    page,
                    login,
                    Map.of(
                            userField == null ? "username" : userField.attr("name"),
                            target.username(),
                            login.selectFirst("input[type=password]").attr("name"),
                            target.password()),
                    null,
                    accountUrl);
        }
        String code = page.leftServer() ? page.redirectParameters().get("code") : null;
        if (code == null) {
            throw new IllegalStateException("signing in to the account console gave " + page.describe());
        }
        HttpClient http = AmazonHttp.client(target, trust, null);
        HttpResponse<String> token =
                http.send(console.codeExchange(endpoints.token(), code), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException(
                    "the account console's code exchange gave HTTP " + token.statusCode() + " " + token.body());
        }
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        HttpRequest consent = console.removeConsent(accessToken, target.clientId());
        HttpResponse<String> removed = http.send(consent, HttpResponse.BodyHandlers.ofString());
        if (removed.statusCode() != 204 && removed.statusCode() != 200) {
            throw new IllegalStateException(
                    "DELETE " + consent.uri() + " gave HTTP " + removed.statusCode() + " " + removed.body());
        }
        Set<String> sessions = new LinkedHashSet<>();
        refreshTokens.stream()
                .map(TokenClient::claims)
                .filter(c -> c != null && c.hasNonNull("sid"))
                .forEach(c -> sessions.add(c.get("sid").asText()));
        JsonNode own = TokenClient.claims(accessToken);
        if (own != null && own.hasNonNull("sid")) {
            sessions.add(own.get("sid").asText());
        }
        int signedOut = 0;
        for (String sid : sessions) {
            HttpRequest session = console.signOutSession(accessToken, sid);
            HttpResponse<String> out = http.send(session, HttpResponse.BodyHandlers.ofString());
            if (out.statusCode() != 204 && out.statusCode() != 200) {
                throw new IllegalStateException("the consent was removed, but DELETE " + session.uri() + " gave HTTP "
                        + out.statusCode() + " " + out.body());
            }
            signedOut++;
        }
        return "removed the consent of " + target.username() + " to " + target.clientId()
                + " through the Account API (HTTP "
                + removed.statusCode() + ", signed in as " + AccountConsoleClient.CLIENT_ID + "); signed out the "
                + signedOut
                + " sign-in sessions the checker opened";
    }
}
