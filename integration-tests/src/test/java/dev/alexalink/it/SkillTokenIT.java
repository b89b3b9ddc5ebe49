package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountConsole;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaAdminApi;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.AccountConsoleClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the skill's backend gets: a link made with the values the Alexa console is given (its Scope line included)
 * yields an access token that works at userinfo, names the skill in its audience, is active at introspection by the
 * skill's client while the link lives and inactive once it ends; PKCE only with S256; any state Alexa sends back
 * unchanged. Against the realm file the run command imports, and against skills made with the skills API.
 */
@ExtendWith(AlexaServer.class)
class SkillTokenIT {

    private static final String REDIRECT = AlexaRegion.EUROPE.redirectUri(AlexaServer.VENDOR_ID);
    /** What the README promises about the access token's size. */
    private static final int MAX_ACCESS_TOKEN_BYTES = 1536;

    private final AlexaService alexa = new AlexaService(
            AlexaServer.realmUrl(),
            AlexaServer.CLIENT_ID,
            AlexaServer.CLIENT_SECRET,
            AlexaService.ClientAuthentication.HTTP_BASIC);

    record Link(String username, AlexaService.TokenResponse tokens) {
        String accessToken() {
            return tokens.field("access_token");
        }
    }

    /** The Scope line of the Alexa console, as the skills API gives it, joined as Alexa sends it. */
    private static String consoleScope(String clientId) throws Exception {
        AlexaAdminApi.Answer skill = AlexaAdminApi.asAdmin(AlexaServer.REALM).skill(clientId);
        assertThat(skill.status()).as(skill.toString()).isEqualTo(200);
        List<String> scopes = new ArrayList<>();
        skill.get("alexaConsole").get("scopes").forEach(scope -> scopes.add(scope.asText()));
        return String.join(" ", scopes);
    }

    private Link link(String scope) throws Exception {
        String username = AlexaServer.createUser("token");
        Phone.Page back = AccountLinking.link(AlexaServer.CLIENT_ID, REDIRECT, "state-1", scope, username);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), REDIRECT);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return new Link(username, tokens);
    }

    @Test
    void theConsoleScopeLineStartsWithOpenid() throws Exception {
        assertThat(consoleScope(AlexaServer.CLIENT_ID)).isEqualTo("openid profile");
    }

    @Test
    void theAccessTokenWorksAtUserinfoNamesTheSkillAndStaysSmall() throws Exception {
        Link link = link(consoleScope(AlexaServer.CLIENT_ID));
        JsonNode claims = AlexaService.claims(link.accessToken());

        assertThat(claims.get("iss").asText()).isEqualTo(AlexaServer.realmUrl());
        assertThat(audiences(claims)).containsExactly(AlexaServer.CLIENT_ID);
        assertThat(claims.get("scope").asText().split(" ")).contains("openid", "profile", "offline_access");
        int size = link.accessToken().getBytes(StandardCharsets.US_ASCII).length;
        System.out.println("access token of a link with scope '" + consoleScope(AlexaServer.CLIENT_ID) + "': " + size
                + " bytes, claims " + claims);
        assertThat(size).as("access token size").isLessThan(MAX_ACCESS_TOKEN_BYTES);

        AlexaService.TokenResponse userinfo = AlexaService.userinfo(AlexaServer.realmUrl(), link.accessToken());
        assertThat(userinfo.status()).as(userinfo.body()).isEqualTo(200);
        assertThat(userinfo.field("sub")).isEqualTo(claims.get("sub").asText());
        assertThat(userinfo.field("preferred_username")).isEqualTo(link.username());
        assertThat(userinfo.field("given_name")).isEqualTo("Test");
        assertThat(userinfo.json().has("email"))
                .as("email is not among the allowed scopes")
                .isFalse();

        // A refreshed token is as good.
        AlexaService.TokenResponse refreshed = alexa.refresh(link.tokens().field("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(AlexaService.userinfo(AlexaServer.realmUrl(), refreshed.field("access_token"))
                        .status())
                .isEqualTo(200);
        assertThat(audiences(AlexaService.claims(refreshed.field("access_token"))))
                .containsExactly(AlexaServer.CLIENT_ID);
    }

    @Test
    void introspectionIsActiveWhileTheLinkLivesAndInactiveOnceTheUserRemovesAccess() throws Exception {
        Link link = link("openid profile");
        AlexaService.TokenResponse live = alexa.introspect(link.accessToken());
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().get("active").asBoolean()).as(live.body()).isTrue();
        assertThat(live.field("username")).isEqualTo(link.username());

        assertThat(AccountConsole.signIn(link.username())
                        .revokeAccess(AlexaServer.CLIENT_ID)
                        .statusCode())
                .isEqualTo(204);

        AlexaService.TokenResponse dead = alexa.introspect(link.accessToken());
        assertThat(dead.json().get("active").asBoolean()).as(dead.body()).isFalse();
        assertThat(AlexaService.userinfo(AlexaServer.realmUrl(), link.accessToken())
                        .status())
                .isEqualTo(401);
        assertThat(alexa.refresh(link.tokens().field("refresh_token")).field("error"))
                .isEqualTo("invalid_grant");
    }

    @Test
    void revokingTheAccessTokenEndsTheLink() throws Exception {
        Link link = link("openid profile");

        AlexaService.TokenResponse revoked = alexa.revoke(link.accessToken(), "access_token");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        assertThat(alexa.introspect(link.accessToken()).json().get("active").asBoolean())
                .isFalse();
        AlexaService.TokenResponse refresh = alexa.refresh(link.tokens().field("refresh_token"));
        assertThat(refresh.field("error")).as(refresh.body()).isEqualTo("invalid_grant");
        assertThat(AlexaServer.realm()
                        .users()
                        .get(AlexaServer.userId(link.username()))
                        .getConsents())
                .as("consent to the skill")
                .noneMatch(consent -> AlexaServer.CLIENT_ID.equals(consent.get("clientId")));
        AlexaServer.assertLogContains(
                "was revoked (RFC 7009), so the link of user " + AlexaServer.userId(link.username()) + " ends");
    }

    @Test
    void pkceIsAcceptedWithS256AndTheVerifierIsChecked() throws Exception {
        String verifier = AccountConsoleClient.randomVerifier();
        String username = AlexaServer.createUser("pkce");
        Phone phone = new Phone(AlexaServer.server().baseUrl());
        Phone.Page login = phone.open(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, REDIRECT, "s", "openid")
                + "&code_challenge=" + AccountConsoleClient.challenge(verifier) + "&code_challenge_method=S256");
        Phone.Page back = AccountLinking.answerConsent(phone, AccountLinking.signIn(phone, login, username), true);
        String code = back.redirectParameters().get("code");

        AlexaService.TokenResponse tokens = alexa.exchangeCode(code, REDIRECT, verifier);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }

    @Test
    void pkcePlainOrWithoutMethodIsRefusedWithAnErrorNamingS256() throws Exception {
        for (String method : new String[] {"&code_challenge_method=plain", ""}) {
            Phone.Page answer = new Phone(AlexaServer.server().baseUrl())
                    .open(AccountLinking.authorizationUrl(
                                    AlexaServer.CLIENT_ID, REDIRECT, "s-" + method.length(), "openid")
                            + "&code_challenge=" + AccountConsoleClient.challenge(AccountConsoleClient.randomVerifier())
                            + method);
            assertThat(answer.leftServer()).as(AccountLinking.describe(answer)).isTrue();
            Map<String, String> error = answer.redirectParameters();
            assertThat(error.get("error")).isEqualTo("invalid_request");
            assertThat(error.get("error_description")).contains("code_challenge_method=S256");
            assertThat(error.get("state")).isEqualTo("s-" + method.length());
        }
    }

    @Test
    void aSkillCanRequirePkceAndAddAResourceAudience() throws Exception {
        String clientId = "pkce-skill";
        Map<String, Object> settings = Map.of(
                "vendorIds",
                List.of(AlexaServer.VENDOR_ID),
                "scopes",
                List.of("openid", "profile"),
                "resourceAudience",
                "https://api.example.com/skill",
                "requirePkce",
                true);
        AlexaAdminApi.Answer enabled = AlexaAdminApi.asAdmin(AlexaServer.REALM).enableSkill(clientId, settings);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(201);
        assertThat(enabled.get("skillBackend").get("audiences"))
                .extracting(JsonNode::asText)
                .containsExactly(clientId, "https://api.example.com/skill");
        assertThat(enabled.get("skillBackend").get("pkceRequired").asBoolean()).isTrue();
        assertThat(enabled.get("skillBackend").get("issuer").asText()).isEqualTo(AlexaServer.realmUrl());

        Phone.Page without = new Phone(AlexaServer.server().baseUrl())
                .open(AccountLinking.authorizationUrl(clientId, REDIRECT, "s", "openid"));
        assertThat(without.leftServer()).as(AccountLinking.describe(without)).isTrue();
        assertThat(without.redirectParameters().get("error")).isEqualTo("invalid_request");

        String secret = AlexaServer.realm()
                .clients()
                .get(AlexaServer.realm()
                        .clients()
                        .findByClientId(clientId)
                        .get(0)
                        .getId())
                .getSecret()
                .getValue();
        String verifier = AccountConsoleClient.randomVerifier();
        String username = AlexaServer.createUser("pkce-required");
        Phone phone = new Phone(AlexaServer.server().baseUrl());
        Phone.Page login = phone.open(AccountLinking.authorizationUrl(clientId, REDIRECT, "s", consoleScope(clientId))
                + "&code_challenge=" + AccountConsoleClient.challenge(verifier) + "&code_challenge_method=S256");
        Phone.Page back = AccountLinking.answerConsent(phone, AccountLinking.signIn(phone, login, username), true);
        AlexaService skill = new AlexaService(
                AlexaServer.realmUrl(), clientId, secret, AlexaService.ClientAuthentication.HTTP_BASIC);
        AlexaService.TokenResponse tokens =
                skill.exchangeCode(back.redirectParameters().get("code"), REDIRECT, verifier);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(audiences(AlexaService.claims(tokens.field("access_token"))))
                .containsExactlyInAnyOrder(clientId, "https://api.example.com/skill");
        assertThat(skill.introspect(tokens.field("access_token"))
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();

        // Saving it again with the same values changes nothing.
        AlexaAdminApi.Answer again = AlexaAdminApi.asAdmin(AlexaServer.REALM).enableSkill(clientId, settings);
        assertThat(again.get("outcome").asText()).as(again.toString()).isEqualTo("unchanged");
    }

    @Test
    void anEightKilobyteStateComesBackUnchanged() throws Exception {
        String state = longRandomState(8192);
        String username = AlexaServer.createUser("state");
        Phone.Page back = AccountLinking.link(AlexaServer.CLIENT_ID, REDIRECT, state, "openid profile", username);
        assertThat(back.redirectParameters().get("state")).isEqualTo(state);
        assertThat(back.redirectParameters().get("code")).isNotBlank();
    }

    /** Keycloak 26.3 and later drop a state over their limit (the assembly's: 16384); older ones keep any state. */
    @Test
    void aStateOverTheServersLimitIsRefusedOnThePageNamingTheLimit() throws Exception {
        String state = longRandomState(16385);
        if (!keycloakLimitsTheState()) {
            Phone.Page back = AccountLinking.link(
                    AlexaServer.CLIENT_ID, REDIRECT, state, "openid", AlexaServer.createUser("state"));
            assertThat(back.redirectParameters().get("state"))
                    .as("Keycloak " + DIST_VERSION + " keeps any state")
                    .isEqualTo(state);
            return;
        }
        Phone.Page page = new Phone(AlexaServer.server().baseUrl())
                .open(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, REDIRECT, state, "openid"));
        assertThat(page.leftServer()).as("never a code without its state").isFalse();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().text()).contains("16385 characters", "limit of 16384");
        AlexaServer.assertLogContains("Alexa rule alexa-state refused");
    }

    private static final String DIST_VERSION = System.getProperty("keycloak.dist.version", "26.7.3");

    private static boolean keycloakLimitsTheState() {
        String[] parts = DIST_VERSION.split("\\.");
        return Integer.parseInt(parts[0]) > 26 || Integer.parseInt(parts[1]) >= 3;
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.get("aud");
        List<String> audiences = new ArrayList<>();
        if (aud == null) {
            return audiences;
        }
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        return audiences;
    }

    private static String longRandomState(int length) {
        StringBuilder state = new StringBuilder();
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        while (state.length() < length) {
            state.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return state.toString();
    }
}
