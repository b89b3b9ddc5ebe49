package dev.alexalink.it;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.webview.Forms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.alexalink.testkit.client.AlexaService.ClientAuthentication.HTTP_BASIC;
import static org.assertj.core.api.Assertions.assertThat;

/** What Alexa and the phone get when something is wrong: refused, never redirected anywhere unexpected. */
@ExtendWith(AlexaServer.class)
class AuthorizationAndTokenIT {

    private static final String NA = AlexaRegion.NORTH_AMERICA.redirectUri(AlexaServer.VENDOR_ID);
    private final HttpClient http = Http.client();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://pitangui.amazon.com.evil.example/api/skill/link/M2TESTVENDOR01",
                "https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR01/",
                "https://pitangui.amazon.com/api/skill/link/M2OTHERVENDOR9",
                "https://evil.example@pitangui.amazon.com/api/skill/link/M2TESTVENDOR01",
                "https://pitangui.amazon.com/api/skill/link/../link/M2TESTVENDOR01",
                "http://pitangui.amazon.com/api/skill/link/M2TESTVENDOR01"
            })
    void aBadRedirectUriGetsAnErrorPageAndNoRedirect(String redirectUri) throws Exception {
        HttpResponse<String> response =
                get(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, redirectUri, "s", "profile"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void aMissingRedirectUriGetsAnErrorPage() throws Exception {
        HttpResponse<String> response =
                get(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, null, "s", "profile"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile bogus", "email", "profile roles"})
    void aScopeOutsideTheAllowedOnesReturnsInvalidScopeToAlexaWithTheState(String scope) throws Exception {
        String state = AccountLinking.longState();
        HttpResponse<String> response = get(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, NA, state, scope));

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(NA + "?");
        Map<String, String> parameters = Forms.query(location);
        assertThat(parameters.get("error")).isEqualTo("invalid_scope");
        assertThat(parameters.get("state")).isEqualTo(state);
    }

    @Test
    void denyAtConsentReturnsAccessDeniedToAlexaWithTheState() throws Exception {
        String state = AccountLinking.longState();
        Phone phone = new Phone(AlexaServer.server().baseUrl());
        Phone.Page login = phone.open(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, NA, state, "profile"));
        Phone.Page consent = AccountLinking.signIn(phone, login, AlexaServer.createUser("deny"));
        Phone.Page back = AccountLinking.answerConsent(phone, consent, false);

        assertThat(back.leftServer()).as(AccountLinking.describe(back)).isTrue();
        assertThat(back.redirectedTo().toString()).startsWith(NA + "?");
        assertThat(back.redirectParameters())
                .containsEntry("error", "access_denied")
                .containsEntry("state", state);
    }

    @Test
    void aCodeCanBeRedeemedOnlyOnce() throws Exception {
        Phone.Page back =
                AccountLinking.link(AlexaServer.CLIENT_ID, NA, "s", "profile", AlexaServer.createUser("reuse"));
        AlexaService alexa = alexa(AlexaServer.CLIENT_SECRET);
        String code = back.redirectParameters().get("code");

        assertThat(alexa.exchangeCode(code, NA).status()).isEqualTo(200);
        AlexaService.TokenResponse again = alexa.exchangeCode(code, NA);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        Phone.Page back =
                AccountLinking.link(AlexaServer.CLIENT_ID, NA, "s", "profile", AlexaServer.createUser("secret"));

        AlexaService.TokenResponse response = alexa("Wrong0Secret0Of0Letters0And0Digits000000")
                .exchangeCode(back.redirectParameters().get("code"), NA);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("error")).isIn("unauthorized_client", "invalid_client");
    }

    @Test
    void aRefreshCannotWidenTheScope() throws Exception {
        Phone.Page back =
                AccountLinking.link(AlexaServer.CLIENT_ID, NA, "s", "profile", AlexaServer.createUser("widen"));
        AlexaService alexa = alexa(AlexaServer.CLIENT_SECRET);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), NA);

        AlexaService.TokenResponse wider = alexa.refresh(tokens.field("refresh_token"), "profile email");

        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.field("error")).isEqualTo("invalid_scope");
        assertThat(alexa.refresh(tokens.field("refresh_token"), "profile").status())
                .as("the link still works")
                .isEqualTo(200);
    }

    /** A client that inherits the realm's 300 s access-token lifespan still gets tokens that live 360 s. */
    @Test
    void accessTokensLiveAtLeast360SecondsWhateverTheRealmDefault() throws Exception {
        assertThat(AlexaServer.realm().toRepresentation().getAccessTokenLifespan())
                .isEqualTo(300);
        ClientRepresentation client = AdminApiIT.create(AdminApiIT.alexaClient());
        assertThat(client.getAttributes()).doesNotContainKey("access.token.lifespan");

        Phone.Page back =
                AccountLinking.link(client.getClientId(), NA, "s", "profile", AlexaServer.createUser("floor"));
        AlexaService alexa =
                new AlexaService(AlexaServer.realmUrl(), client.getClientId(), client.getSecret(), HTTP_BASIC);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), NA);
        AlexaService.TokenResponse refreshed = alexa.refresh(tokens.field("refresh_token"));

        for (AlexaService.TokenResponse response : new AlexaService.TokenResponse[] {tokens, refreshed}) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("expires_in").asInt()).isBetween(359, 360);
            var claims = AlexaService.claims(response.field("access_token"));
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isBetween(359L, 361L);
        }
    }

    private static AlexaService alexa(String secret) {
        return new AlexaService(AlexaServer.realmUrl(), AlexaServer.CLIENT_ID, secret, HTTP_BASIC);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("User-Agent", Phone.USER_AGENT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
