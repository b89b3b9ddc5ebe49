package dev.alexalink.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.webview.AccountConsoleClient;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's account console, as the user's browser runs it ({@link AccountConsoleClient}), signed in as a user of
 * the shared test server.
 */
public final class AccountConsole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = Http.client();
    private final AccountConsoleClient console;
    private final String accessToken;

    private AccountConsole(AccountConsoleClient console, String accessToken) {
        this.console = console;
        this.accessToken = accessToken;
    }

    /** Signs the user in on the login page, then exchanges the code with its verifier. */
    public static AccountConsole signIn(String username) throws IOException, InterruptedException {
        AccountConsoleClient console = new AccountConsoleClient(AlexaServer.realmUrl(), Duration.ofSeconds(30));
        URI url = console.authorizationUrl(
                URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/auth"), "account-console-state");
        Phone browser = new Phone(AlexaServer.server().baseUrl());
        Phone.Page page = AccountLinking.signIn(browser, browser.open(url.toString()), username);
        String code = Forms.query(page.uri()).get("code");
        assertThat(code)
                .as("code for the account console after sign-in: " + page.describe())
                .isNotBlank();

        HttpResponse<String> tokens = Http.client()
                .send(
                        console.codeExchange(
                                URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/token"), code),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(tokens.body());
        return new AccountConsole(console, json.get("access_token").asText());
    }

    /** "Remove access" of an application on the console's Applications page. */
    public HttpResponse<String> revokeAccess(String clientId) throws IOException, InterruptedException {
        return http.send(console.removeConsent(accessToken, clientId), HttpResponse.BodyHandlers.ofString());
    }
}
