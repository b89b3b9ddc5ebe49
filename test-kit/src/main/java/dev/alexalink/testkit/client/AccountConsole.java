package dev.alexalink.testkit.client;

import dev.alexalink.testkit.server.AlexaServer;

import dev.alexalink.testkit.server.Http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's account console, as the user's browser runs it: it signs in through the realm's public client
 * {@code account-console} with PKCE (S256), then calls the Account REST API with the user's bearer token.
 */
public final class AccountConsole {

    public static final String CLIENT_ID = "account-console";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = Http.client();
    private final String accessToken;

    private AccountConsole(String accessToken) {
        this.accessToken = accessToken;
    }

    /**
     * Signs the user in on the login page, then exchanges the code with its verifier, as the console's OIDC adapter
     * does. The code comes back in the query rather than the fragment: the fragment never reaches the server anyway.
     */
    public static AccountConsole signIn(String username) throws IOException, InterruptedException {
        String redirectUri = AlexaServer.realmUrl() + "/account/";
        String verifier = randomVerifier();
        String url = AlexaServer.realmUrl() + "/protocol/openid-connect/auth?response_type=code&response_mode=query&scope=openid"
                + "&client_id=" + CLIENT_ID
                + "&redirect_uri=" + AccountLinking.encode(redirectUri)
                + "&state=account-console-state"
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        Phone browser = new Phone(AlexaServer.server().baseUrl());
        Phone.Page console = AccountLinking.signIn(browser, browser.open(url), username);
        String code = Phone.query(console.uri()).get("code");
        assertThat(code).as("code for the account console after sign-in: " + AccountLinking.describe(console)).isNotBlank();

        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", CLIENT_ID);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Phone.form(form))).build();
        HttpResponse<String> tokens = Http.client().send(tokenRequest, HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(tokens.body());
        return new AccountConsole(json.get("access_token").asText());
    }

    /** "Remove access" of an application on the console's Applications page. */
    public HttpResponse<String> revokeAccess(String clientId) throws IOException, InterruptedException {
        URI consent = URI.create(AlexaServer.realmUrl() + "/account/applications/" + AccountLinking.encode(clientId) + "/consent");
        return http.send(HttpRequest.newBuilder(consent).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
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
