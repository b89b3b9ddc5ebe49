package dev.alexalink.example.skill;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Account links made as the Alexa app and Amazon's servers make them, against the test server. */
final class Links {

    /** What the skill's console asks for: the skill reads the user's name from userinfo. */
    static final String SCOPE = "openid profile";

    static final String REDIRECT_URI = AlexaRegion.NORTH_AMERICA.redirectUri(AlexaServer.VENDOR_ID);

    record Link(String username, String accessToken, String refreshToken) {}

    private Links() {}

    /** A new user signs in and consents in the Alexa app; Amazon exchanges the code. */
    static Link link(String prefix) throws IOException, InterruptedException {
        String username = AlexaServer.createUser(prefix);
        Phone.Page back =
                AccountLinking.link(AlexaServer.CLIENT_ID, REDIRECT_URI, "state-" + UUID.randomUUID(), SCOPE, username);
        Map<String, String> parameters = back.redirectParameters();
        assertThat(parameters.get("code"))
                .as("code in the redirect to Amazon: " + parameters)
                .isNotBlank();
        AlexaService.TokenResponse tokens = alexa().exchangeCode(parameters.get("code"), REDIRECT_URI);
        assertThat(tokens.status()).as("code exchange: " + tokens.body()).isEqualTo(200);
        return new Link(username, tokens.field("access_token"), tokens.field("refresh_token"));
    }

    /** Amazon's servers at the token endpoint, with the skill's client credentials. */
    static AlexaService alexa() {
        return new AlexaService(
                AlexaServer.realmUrl(),
                AlexaServer.CLIENT_ID,
                AlexaServer.CLIENT_SECRET,
                AlexaService.ClientAuthentication.HTTP_BASIC);
    }

    static SkillConfig skillConfig() {
        return new SkillConfig(AlexaServer.realmUrl(), AlexaServer.CLIENT_ID, AlexaServer.CLIENT_SECRET, null);
    }

    static int userinfoStatus(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/userinfo"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return Http.client()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
