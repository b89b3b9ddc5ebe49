package dev.alexalink.it;

import dev.alexalink.keycloak.compat.KeycloakVersion;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.RunningKeycloak;
import dev.alexalink.testkit.server.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JARs on a Keycloak they do not support (the matrix runs this on 25.0.6; plain {@code mvn verify} does not, as
 * its Keycloak is supported): the server starts, says why in one ERROR line, refuses every Alexa client without a 500
 * or a half-checked answer, and serves the realm's other clients as before.
 */
class UnsupportedVersionIT {

    private static final String VERSION = System.getProperty("keycloak.dist.version");
    private static final String VENDOR_ID = "M2TESTVENDOR01";
    private static final String SECRET = Secrets.random(40);
    private static RunningKeycloak server;

    @BeforeAll
    static void startKeycloak() {
        assertThat(KeycloakVersion.refusal(VERSION))
                .as("Keycloak " + VERSION + " is supported: run this on another")
                .isPresent();
        Path work = Path.of(System.getProperty("test.work.dir", "target/it-work"), "unsupported-" + UUID.randomUUID());
        // KEYCLOAK_ADMIN*: Keycloak 25 names its first admin so; 26 reads KC_BOOTSTRAP_ADMIN_*.
        server = AlexaServer.assemblyLauncher()
                .start(
                        Map.of(
                                "ALEXA_VENDOR_ID",
                                VENDOR_ID,
                                "ALEXA_CLIENT_SECRET",
                                SECRET,
                                "KEYCLOAK_ADMIN",
                                KeycloakServer.ADMIN_USER,
                                "KEYCLOAK_ADMIN_PASSWORD",
                                KeycloakServer.ADMIN_PASSWORD),
                        work);
    }

    @AfterAll
    static void stopKeycloak() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void startupSaysWhyInOneErrorLineAndNoStackTrace() throws Exception {
        String line = KeycloakVersion.refusal(VERSION).orElseThrow();
        // A request of an Alexa client first: the line must not come again then.
        send(HttpRequest.newBuilder(authorizationRequest("alexa-skill")).GET());

        assertThat(server.logText().lines().filter(l -> l.contains("ERROR [dev.alexalink]")))
                .singleElement()
                .asString()
                .endsWith(line);
        assertThat(server.logText())
                .doesNotContain(
                        "\tat dev.alexalink.", "NoClassDefFoundError", "NoSuchMethodError", "AbstractMethodError");
    }

    @Test
    void anAlexaAuthorizationRequestGetsAnErrorPageNamingTheVersionNeverACode() throws Exception {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(authorizationRequest("alexa-skill")).GET());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("Alexa account linking does not support Keycloak " + VERSION);
    }

    @Test
    void anAlexaTokenRequestIsRefusedAsUnauthorizedClient() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("alexa-skill:" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/realms/alexa/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=not-a-token")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"unauthorized_client\"", "does not support Keycloak " + VERSION);
    }

    @Test
    void theAlexaAdminApiAnswers503NamingTheVersion() throws Exception {
        HttpResponse<String> token = send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                                + KeycloakServer.ADMIN_USER + "&password=" + KeycloakServer.ADMIN_PASSWORD)));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/alexa/alexa/diagnostics"))
                        .header("Authorization", "Bearer " + accessToken)
                        .GET());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).contains("\"unsupported_keycloak_version\"", "does not support Keycloak " + VERSION);
    }

    @Test
    void theRealmsOtherClientsAreServedAsBefore() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/realms/alexa/protocol/openid-connect/auth?client_id=account-console&response_type=code&scope=openid"
                        + "&code_challenge_method=S256&code_challenge=" + "A".repeat(43)
                        + "&redirect_uri=" + encode(server.baseUrl() + "/realms/alexa/account/")))
                .GET());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"");
    }

    private static URI authorizationRequest(String clientId) {
        return URI.create(server.baseUrl() + "/realms/alexa/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=profile&state=" + UUID.randomUUID()
                + "&redirect_uri=" + encode("https://pitangui.amazon.com/api/skill/link/" + VENDOR_ID));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Http.client()
                .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
