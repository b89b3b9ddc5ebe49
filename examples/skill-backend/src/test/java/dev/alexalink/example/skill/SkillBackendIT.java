package dev.alexalink.example.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.server.AlexaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;

import static dev.alexalink.example.skill.Envelopes.INTENT;
import static dev.alexalink.example.skill.Envelopes.LAUNCH;
import static dev.alexalink.example.skill.Envelopes.SKILL_DISABLED;
import static dev.alexalink.example.skill.Envelopes.cardType;
import static dev.alexalink.example.skill.Envelopes.speech;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The Java sample skill against the real server: Alexa's envelopes, as JSON, through the SDK's stream handler, with
 * access tokens from real links.
 */
@ExtendWith(AlexaServer.class)
class SkillBackendIT {

    static final String GREETING = "<speak>Hello, Test.</speak>"; // AlexaServer.createUser's given name
    static final String LINK_ACCOUNT = "<speak>" + GreetingHandler.LINK_ACCOUNT_SPEECH + "</speak>";

    private final MutableClock clock = new MutableClock();
    private final JavaSkill skill = new JavaSkill(Links.skillConfig(), clock);

    @Test
    void greetsTheLinkedUserByGivenName() throws Exception {
        Links.Link link = Links.link("greet");

        for (String sample : new String[] {LAUNCH, INTENT}) {
            JsonNode response = skill.ask(Envelopes.of(sample, link.accessToken()));
            assertThat(speech(response)).as(sample + ": " + response).isEqualTo(GREETING);
            assertThat(cardType(response)).as(sample).isNull();
        }
    }

    @Test
    void asksForALinkWithoutAToken() throws Exception {
        JsonNode response = skill.ask(Envelopes.of(LAUNCH, null));

        assertLinkAccount(response);
    }

    @Test
    void asksForANewLinkWhenTheTokenHasExpired() throws Exception {
        Links.Link link = Links.link("expired");
        assertThat(speech(skill.ask(Envelopes.of(LAUNCH, link.accessToken())))).isEqualTo(GREETING);

        // Past the expiry and the verifier's minute of clock skew; the server still knows the link.
        clock.moveTo(expiry(link.accessToken()).plusSeconds(120));

        assertLinkAccount(skill.ask(Envelopes.of(LAUNCH, link.accessToken())));
    }

    @Test
    void rejectsATokenForAnotherAudience() throws Exception {
        Links.Link link = Links.link("audience");
        SkillConfig otherApi = new SkillConfig(
                AlexaServer.realmUrl(),
                AlexaServer.CLIENT_ID,
                AlexaServer.CLIENT_SECRET,
                "https://api.example.com/another-skill");

        assertLinkAccount(new JavaSkill(otherApi, clock).ask(Envelopes.of(LAUNCH, link.accessToken())));
        assertThat(speech(skill.ask(Envelopes.of(LAUNCH, link.accessToken()))))
                .as("with the right audience")
                .isEqualTo(GREETING);
    }

    @Test
    void rejectsATokenOfAnotherIssuer() throws Exception {
        // The same server and keys under another name: Keycloak's issuer is the host the token was asked for.
        assumeThat(AlexaServer.realmUrl()).as("a server reached as localhost").contains("://localhost:");
        Links.Link link = Links.link("issuer");
        SkillConfig otherName = new SkillConfig(
                AlexaServer.realmUrl().replace("://localhost:", "://127.0.0.1:"),
                AlexaServer.CLIENT_ID,
                AlexaServer.CLIENT_SECRET,
                null);

        assertLinkAccount(new JavaSkill(otherName, clock).ask(Envelopes.of(LAUNCH, link.accessToken())));
    }

    @Test
    void asksForANewLinkAfterTheUserRemovedAccess() throws Exception {
        Links.Link link = Links.link("removed");
        assertThat(speech(skill.ask(Envelopes.of(LAUNCH, link.accessToken())))).isEqualTo(GREETING);

        // The user removes the skill's access in the account console (here through the admin API, the same removal).
        AlexaServer.realm().users().get(AlexaServer.userId(link.username())).revokeConsent(AlexaServer.CLIENT_ID);

        // The token still verifies locally until it expires: userinfo is what sees the link is gone.
        assertThat(expiry(link.accessToken())).isAfter(Instant.now());
        assertThat(Links.userinfoStatus(link.accessToken()))
                .as("userinfo after access was removed")
                .isEqualTo(401);
        assertLinkAccount(skill.ask(Envelopes.of(LAUNCH, link.accessToken())));
    }

    @Test
    void revokesTheLinkWhenTheSkillIsDisabled() throws Exception {
        Links.Link link = Links.link("disabled");
        assertThat(speech(skill.ask(Envelopes.of(LAUNCH, link.accessToken())))).isEqualTo(GREETING);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        JsonNode disabled;
        try {
            disabled = skill.ask(Envelopes.of(SKILL_DISABLED, link.accessToken()));
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        stderr.print(logged);
        assertThat(disabled.path("version").asText()).as(disabled.toString()).isEqualTo("1.0");
        assertThat(speech(disabled)).as("no speech for a skill event").isNull();
        assertThat(logged)
                .contains("Skill disabled by amzn1.ask.account.AGF7EXAMPLEUSERID: access token revoked")
                .doesNotContain(link.accessToken());

        // The link is over: userinfo refuses the token, so the skill asks for a new link, and Alexa's refresh fails.
        assertThat(Links.userinfoStatus(link.accessToken()))
                .as("userinfo after the revocation")
                .isEqualTo(401);
        assertLinkAccount(skill.ask(Envelopes.of(LAUNCH, link.accessToken())));
        AlexaService.TokenResponse refresh = Links.alexa().refresh(link.refreshToken());
        assertThat(refresh.status())
                .as("refresh after the skill was disabled: " + refresh.body())
                .isEqualTo(400);
        assertThat(refresh.field("error")).as(refresh.body()).isEqualTo("invalid_grant");
    }

    static void assertLinkAccount(JsonNode response) {
        assertThat(speech(response)).as(response.toString()).isEqualTo(LINK_ACCOUNT);
        assertThat(cardType(response)).as(response.toString()).isEqualTo("LinkAccount");
        assertThat(response.path("response").path("shouldEndSession").asBoolean())
                .isTrue();
    }

    static Instant expiry(String accessToken) throws ParseException {
        return SignedJWT.parse(accessToken)
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant();
    }
}
