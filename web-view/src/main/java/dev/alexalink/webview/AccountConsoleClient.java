package dev.alexalink.webview;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keycloak's account console, as the user's browser runs it: it signs in through the realm's public client
 * {@code account-console} with PKCE (S256), then calls the Account REST API with the user's bearer token. The code
 * comes back in the query rather than the fragment: the fragment never reaches the server anyway.
 */
public final class AccountConsoleClient {

    public static final String CLIENT_ID = "account-console";

    private final String issuer;
    private final Duration timeout;
    private final String verifier = randomVerifier();

    /** @param issuer the realm's URL, e.g. https://host/realms/alexa */
    public AccountConsoleClient(String issuer, Duration timeout) {
        this.issuer = issuer;
        this.timeout = timeout;
    }

    /** Where the console sends the user back with the code: the console itself. */
    public String redirectUri() {
        return issuer + "/account/";
    }

    /** The console's authorization request at the realm's authorization endpoint. */
    public URI authorizationUrl(URI authorizationEndpoint, String state) {
        return URI.create(
                authorizationEndpoint + "?response_type=code&response_mode=query&scope=openid&client_id=" + CLIENT_ID
                        + "&redirect_uri=" + Forms.encode(redirectUri()) + "&state=" + Forms.encode(state)
                        + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
    }

    /** The code exchange with the verifier, as the console's OIDC adapter does it. */
    public HttpRequest codeExchange(URI tokenEndpoint, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", CLIENT_ID);
        form.put("code", code);
        form.put("redirect_uri", redirectUri());
        form.put("code_verifier", verifier);
        return HttpRequest.newBuilder(tokenEndpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.form(form)))
                .build();
    }

    /** "Remove access" of an application on the console's Applications page. */
    public HttpRequest removeConsent(String accessToken, String clientId) {
        return delete(accessToken, "/account/applications/" + Forms.encode(clientId) + "/consent");
    }

    /** "Sign out" of one session on the console's Devices page. */
    public HttpRequest signOutSession(String accessToken, String sessionId) {
        return delete(accessToken, "/account/sessions/" + Forms.encode(sessionId));
    }

    private HttpRequest delete(String accessToken, String path) {
        return HttpRequest.newBuilder(URI.create(issuer + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .DELETE()
                .build();
    }

    /** A PKCE code_verifier (RFC 7636 §4.1): 32 random bytes, base64url. */
    public static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Its S256 code_challenge (RFC 7636 §4.2). */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
