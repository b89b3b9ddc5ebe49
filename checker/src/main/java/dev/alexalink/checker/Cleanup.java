package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
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
    static final String ACCOUNT_CONSOLE = "account-console";

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
            problems.add("the discovery document names no revocation_endpoint, so " + refreshTokens.size() + " refresh tokens were not revoked");
        } else {
            int revoked = 0;
            for (String token : refreshTokens) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("token", token);
                form.put("token_type_hint", "refresh_token");
                TokenClient.Answer answer = tokens.post("revocation", endpoints.revocation(), form, target.clientAuth());
                if (answer.status() == 200) {
                    revoked++;
                } else {
                    problems.add("revoking a refresh token: " + answer.summary());
                }
            }
            done.add("revoked " + revoked + " of " + refreshTokens.size() + " refresh tokens at " + endpoints.revocation());
        }
        try {
            done.add(removeConsentAndSessions(endpoints, refreshTokens));
        } catch (IOException | IllegalStateException e) {
            problems.add("the consent of " + target.username() + " to " + target.clientId() + " was not removed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String detail = String.join("; ", done) + (problems.isEmpty() ? "" : (done.isEmpty() ? "" : "; ") + String.join("; ", problems));
        return problems.isEmpty() ? Check.pass(NAME, detail)
                : Check.warn(NAME, detail, "remove the test grant by hand: Account Console > Applications > " + target.clientId()
                + " > Remove access (or admin console: Users > " + target.username() + " > Consents > Revoke)");
    }

    /**
     * Removes the consent, then signs out the sign-in sessions the checker opened: those its tokens name (claim sid)
     * and the account console's own. Other sessions of the user are left alone.
     */
    private String removeConsentAndSessions(EndpointChecks.Endpoints endpoints, List<String> refreshTokens) throws IOException, InterruptedException {
        String accountUrl = target.issuer() + "/account/";
        String verifier = verifier();
        URI authorize = URI.create(endpoints.authorization() + "?response_type=code&response_mode=query&scope=openid&client_id=" + ACCOUNT_CONSOLE
                + "&redirect_uri=" + LinkFlow.encode(accountUrl) + "&state=cleanup&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256");
        WebView browser = new WebView(target, trust);
        WebView.Page page = browser.open(authorize, accountUrl);
        Element login = page.leftServer() ? null : page.document().selectFirst("form:has(input[type=password])");
        if (login != null) {
            Element userField = login.selectFirst("input[name=username], input[type=email], input[type=text]");
            page = browser.submit(page, login, Map.of(userField == null ? "username" : userField.attr("name"), target.username(),
                    login.selectFirst("input[type=password]").attr("name"), target.password()), null, accountUrl);
        }
        String code = page.leftServer() ? WebView.query(page.redirectedTo()).get("code") : null;
        if (code == null) {
            throw new IllegalStateException("signing in to the account console gave " + page.describe());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", ACCOUNT_CONSOLE);
        form.put("code", code);
        form.put("redirect_uri", accountUrl);
        form.put("code_verifier", verifier);
        HttpClient http = AmazonHttp.client(target, trust, null);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(endpoints.token()).timeout(target.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TokenClient.form(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("the account console's code exchange gave HTTP " + token.statusCode() + " " + token.body());
        }
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        URI consent = URI.create(target.issuer() + "/account/applications/" + LinkFlow.encode(target.clientId()) + "/consent");
        HttpResponse<String> removed = http.send(HttpRequest.newBuilder(consent).timeout(target.timeout())
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (removed.statusCode() != 204 && removed.statusCode() != 200) {
            throw new IllegalStateException("DELETE " + consent + " gave HTTP " + removed.statusCode() + " " + removed.body());
        }
        Set<String> sessions = new LinkedHashSet<>();
        refreshTokens.stream().map(TokenClient::claims).filter(c -> c != null && c.hasNonNull("sid")).forEach(c -> sessions.add(c.get("sid").asText()));
        JsonNode own = TokenClient.claims(accessToken);
        if (own != null && own.hasNonNull("sid")) {
            sessions.add(own.get("sid").asText());
        }
        int signedOut = 0;
        for (String sid : sessions) {
            URI session = URI.create(target.issuer() + "/account/sessions/" + LinkFlow.encode(sid));
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(session).timeout(target.timeout())
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (out.statusCode() != 204 && out.statusCode() != 200) {
                throw new IllegalStateException("the consent was removed, but DELETE " + session + " gave HTTP " + out.statusCode() + " " + out.body());
            }
            signedOut++;
        }
        return "removed the consent of " + target.username() + " to " + target.clientId() + " through the Account API (HTTP "
                + removed.statusCode() + ", signed in as " + ACCOUNT_CONSOLE + "); signed out the " + signedOut
                + " sign-in sessions the checker opened";
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
