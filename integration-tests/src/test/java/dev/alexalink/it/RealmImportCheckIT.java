package dev.alexalink.it;

import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realm import bypasses client policies. These tests import realms the rules would refuse, into servers of their
 * own, and check that the server reports every violation, refuses the bad redirect at runtime, and never starts
 * with an unresolved ${VAR} in an Alexa client.
 */
class RealmImportCheckIT {

    @Test
    void reportsEveryViolationOfAnImportedAlexaClientAndStillRefusesItsBadRedirects(@TempDir Path work)
            throws Exception {
        Path imports = Files.createDirectories(work.resolve("import"));
        try (InputStream broken = getClass().getResourceAsStream("/broken-realm/broken-realm.json")) {
            Files.copy(broken, imports.resolve("broken-realm.json"));
        }
        try (KeycloakServer server = server(work).importFrom(imports).build().start(Duration.ofMinutes(5))) {
            String log = server.logText();
            String client = "Alexa client 'broken-skill' in realm 'broken': ";
            assertThat(log)
                    .contains(
                            client
                                    + "FAIL redirect-uris: redirect URI 'https://pitangui.amazon.com/*' is refused: it contains a wildcard")
                    .contains(
                            "; redirect URI 'http://layla.amazon.com/api/skill/link/M2BROKENVENDOR' is refused: it uses http")
                    .contains(" | FAIL scopes: default client scope 'email'")
                    .contains("'offline_access' is not a default client scope")
                    .contains(" | FAIL access-token-lifespan: access tokens live 120 s, less than Alexa's 360 s")
                    .contains(" | FAIL implicit-flow: the implicit flow is on")
                    .contains(" | FAIL consent: consent is not required")
                    .contains(
                            " | FAIL client-secret: the client secret has a character other than a letter or digit at position 4")
                    .contains("Realm 'broken': FAIL offline-session-idle: 'Offline Session Idle' is 30 days")
                    .contains(" | FAIL refresh-token-reuse: 'Revoke Refresh Token' is on with max reuse 0")
                    .doesNotContain("not+url%safe");

            // Keycloak itself would accept this URI through the imported wildcard; the Alexa rules do not.
            String url = server.realmUrl("broken")
                    + "/protocol/openid-connect/auth?response_type=code&client_id=broken-skill"
                    + "&state=s&redirect_uri=" + AccountLinking.encode("https://pitangui.amazon.com/attacker");
            HttpResponse<String> response = Http.client()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void refusesToStartWithAnUnsetSecretVariableAndStoresNothingOfTheRealm(@TempDir Path work) throws Exception {
        KeycloakServer withoutSecret =
                server(work).importRealm().env("ALEXA_CLIENT_SECRET", null).build();
        int exit = withoutSecret.runToExit(Duration.ofMinutes(5));

        assertThat(exit).isNotZero();
        assertThat(withoutSecret.logText())
                .contains(
                        "alexa-realm.json uses ${ALEXA_CLIENT_SECRET}, but the environment variable ALEXA_CLIENT_SECRET is not set");

        // Nothing was half-applied: with the variable set, the same database imports the realm and starts.
        try (KeycloakServer fixed = server(work)
                .importRealm()
                .env("ALEXA_CLIENT_SECRET", AlexaServer.CLIENT_SECRET)
                .env("KC_HOSTNAME", "https://id.example.com")
                .log(work.resolve("second-start.log"))
                .build()
                .start(Duration.ofMinutes(5))) {
            assertThat(fixed.logText())
                    .contains("Realm 'alexa' imported")
                    .contains("Alexa rules check of realm 'alexa': 1 Alexa client(s) [alexa-skill], 0 problem(s)")
                    // The log says what the Alexa developer console needs, at the public URL, the secret masked.
                    .contains("Alexa developer console values of client 'alexa-skill' in realm 'alexa'")
                    .contains("Your Web Authorization URI            "
                            + "https://id.example.com/realms/alexa/protocol/openid-connect/auth")
                    .contains("Your Secret                           ******** (masked")
                    .doesNotContain(AlexaServer.CLIENT_SECRET);
        }
    }

    @Test
    void refusesToStartWithAnUnsetVendorIdVariableNamingIt(@TempDir Path work) throws Exception {
        KeycloakServer withoutVendor =
                server(work).importRealm().env("ALEXA_VENDOR_ID", null).build();

        assertThat(withoutVendor.runToExit(Duration.ofMinutes(5))).isNotZero();
        assertThat(withoutVendor.logText())
                .contains(
                        "alexa-realm.json uses ${ALEXA_VENDOR_ID}, but the environment variable ALEXA_VENDOR_ID is not set")
                .doesNotContain("ALEXA_CLIENT_SECRET is not set");
    }

    /** Keycloak pastes a variable's value into the JSON as it is: a quote would end with a parse error naming nothing. */
    @Test
    void refusesToStartWithAVariableThatWouldBreakTheRealmFileNamingItButNotItsValue(@TempDir Path work)
            throws Exception {
        KeycloakServer quoted = server(work)
                .importRealm()
                .env("ALEXA_SKILL_NAME", "<img src=x onerror=alert(1)>\"Skill")
                .build();

        assertThat(quoted.runToExit(Duration.ofMinutes(5))).isNotZero();
        assertThat(quoted.logText())
                .contains(
                        "alexa-realm.json: the environment variable ALEXA_SKILL_NAME holds a double quote (character 29 of 34),"
                                + " which Keycloak would paste unescaped into the realm file's JSON; remove it")
                .doesNotContain("onerror");
    }

    private static KeycloakServer.Builder server(Path work) throws IOException {
        return KeycloakServer.testServer(Files.createDirectories(work))
                .env("ALEXA_VENDOR_ID", AlexaServer.VENDOR_ID)
                .env("ALEXA_CLIENT_SECRET", AlexaServer.CLIENT_SECRET);
    }
}
