package dev.alexalink.it;

import dev.alexalink.image.AlexaImage;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the image can get wrong: the user it runs as, how it refuses a missing secret, and that a link lives in
 * PostgreSQL rather than in the container. The shared tests (AlexaAccountLinkingIT and others) run against the same
 * image through {@link dev.alexalink.image.ImageLauncher}.
 */
@ExtendWith(AlexaServer.class)
class DockerImageIT {

    private static AlexaImage image() {
        return (AlexaImage) AlexaServer.server();
    }

    @Test
    void runsAsANonRootUser() throws Exception {
        String imageUser = DockerClientFactory.instance()
                .client()
                .inspectImageCmd(AlexaImage.imageName())
                .exec()
                .getConfig()
                .getUser();
        assertThat(imageUser).as("USER of the image").isEqualTo("1000");

        var id = image().container().execInContainer("id", "-u");
        assertThat(id.getStdout().strip()).as("uid inside the container").isEqualTo("1000");
        var keycloakProcess = image().container().execInContainer("sh", "-c", "grep ^Uid: /proc/1/status");
        assertThat(keycloakProcess.getStdout())
                .as("uid of the Keycloak process (pid 1)")
                .matches("Uid:\\s+1000\\s+1000\\s+1000\\s+1000\\s*");
    }

    @Test
    void startsTheOptimizedBuildAndChecksTheImportedRealm() {
        assertThat(image().logText())
                .doesNotContain("Updating the configuration and installing your custom providers")
                .contains("Realm 'alexa' imported")
                .contains("Alexa rules check of realm 'alexa': 1 Alexa client(s) [alexa-skill], 0 problem(s)")
                .containsPattern("Keycloak [\\d.]+ on JVM .* started in [\\d.]+s")
                .contains("Alexa developer console values of client 'alexa-skill' in realm 'alexa'")
                .contains("Access Token URI                      " + image().realmUrl("alexa")
                        + "/protocol/openid-connect/token")
                .contains("Your Secret                           ******** (masked")
                .doesNotContain(AlexaServer.CLIENT_SECRET);
    }

    @Test
    void anUnsetClientSecretStopsStartupNamingIt() throws Exception {
        Map<String, String> withoutSecret = Map.of("ALEXA_VENDOR_ID", AlexaServer.VENDOR_ID);
        try (AlexaImage unconfigured = new AlexaImage(withoutSecret, image().postgres(), "without_secret").launch()) {
            assertThat(unconfigured.awaitExit(AlexaImage.START_TIMEOUT))
                    .as("exit code")
                    .isNotZero();
            assertThat(unconfigured.logText())
                    .contains(
                            "alexa-realm.json uses ${ALEXA_CLIENT_SECRET}, but the environment variable ALEXA_CLIENT_SECRET is not set");
        }
    }

    @Test
    void aLinkedAccountSurvivesAContainerRestartOnPostgres() throws Exception {
        String redirectUri = AlexaRegion.EUROPE.redirectUri(AlexaServer.VENDOR_ID);
        String username = AlexaServer.createUser("restart");
        Phone.Page back = AccountLinking.link(
                AlexaServer.CLIENT_ID, redirectUri, AccountLinking.longState(), "profile", username);
        AlexaService alexa = new AlexaService(
                AlexaServer.realmUrl(),
                AlexaServer.CLIENT_ID,
                AlexaServer.CLIENT_SECRET,
                AlexaService.ClientAuthentication.HTTP_BASIC);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), redirectUri);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);

        image().restart();

        assertThat(image().logText())
                .as("second start leaves the stored realm alone")
                .contains("Realm 'alexa' already exists. Import skipped");
        AlexaService.TokenResponse refreshed = alexa.refresh(tokens.field("refresh_token"));
        assertThat(refreshed.status())
                .as("refresh with the token issued before the restart: " + refreshed.body())
                .isEqualTo(200);
        AlexaAccountLinkingIT.assertAlexaTokenResponse(refreshed);
        assertThat(AlexaService.claims(refreshed.field("access_token"))
                        .get("sub")
                        .asText())
                .isEqualTo(AlexaServer.userId(username));
    }
}
